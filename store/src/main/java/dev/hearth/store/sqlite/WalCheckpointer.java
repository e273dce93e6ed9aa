package dev.hearth.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * Moves committed pages from the WAL into the database file, on a connection and thread of its own.
 *
 * <p>SQLite would otherwise checkpoint inside whichever commit crosses its threshold, and that
 * commit, with every write queued behind it, would wait for the copy and its sync. A passive
 * checkpoint here never blocks the writer, and because it runs every {@link #INTERVAL_MILLIS}, a
 * page the writer rewrote many times since (a busy session's last page) is copied once.
 */
final class WalCheckpointer implements AutoCloseable {

    /** Often enough that the WAL stays small, rarely enough that a hot page is copied once per interval. */
    static final long INTERVAL_MILLIS = 250;

    private static final Logger log = LoggerFactory.getLogger(WalCheckpointer.class);

    private final Connection connection;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread thread;

    private WalCheckpointer(Connection connection) {
        this.connection = connection;
        this.thread = Thread.ofPlatform().name("hearth-sqlite-checkpointer").daemon(true).unstarted(this::run);
    }

    static WalCheckpointer start(Path file, SQLiteConfig config) throws SQLException {
        WalCheckpointer checkpointer = new WalCheckpointer(config.createConnection("jdbc:sqlite:" + file));
        checkpointer.thread.start();
        return checkpointer;
    }

    private void run() {
        try {
            while (!closing.await(INTERVAL_MILLIS, TimeUnit.MILLISECONDS)) {
                checkpoint("PASSIVE");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkpoint(String mode) {
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(" + mode + ")");
        } catch (SQLException e) {
            // The next round tries again; the WAL only grows meanwhile, nothing is lost.
            log.warn("SQLite checkpoint ({}) failed: {}", mode, e.getMessage());
        }
    }

    /** Called once the writer has stopped: folds the whole WAL into the database and empties it. */
    @Override
    public void close() throws SQLException {
        closing.countDown();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checkpoint("TRUNCATE");
        connection.close();
    }
}
