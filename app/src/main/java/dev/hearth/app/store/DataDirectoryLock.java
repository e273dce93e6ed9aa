package dev.hearth.app.store;

import dev.hearth.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a data directory, so two Hearth processes never write one SQLite file (each
 * would think it is the single writer of every session).
 *
 * <p>The lock is an OS file lock on {@code hearth.lock}: it is released when the process ends, even
 * by SIGKILL, so a crash never leaves a stale lock behind. The file itself stays (deleting it while
 * another process opens it would let two processes lock two different files); it holds the PID of
 * the holder, for the message the next process shows.
 */
public final class DataDirectoryLock implements AutoCloseable {

    public static final String FILE_NAME = "hearth.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Creates {@code dir} if needed and locks it.
     *
     * @throws StoreException naming the directory and the fix when it cannot be created or written,
     *     or another process holds the lock
     */
    public static DataDirectoryLock acquire(Path dir) {
        Path directory = dir.toAbsolutePath().normalize();
        createDirectory(directory);
        Path file = directory.resolve(FILE_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StoreException("The data directory " + directory + " is not writable (" + e.getMessage()
                    + "). Fix its permissions or choose another directory with --data.", e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw inUse(directory, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(true);
            return new DataDirectoryLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw inUse(directory, "this process");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("Cannot lock the data directory " + directory + " (" + e.getMessage()
                    + "). Choose another directory with --data.", e);
        }
    }

    private static void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            Path file = existingNonDirectory(directory);
            if (file != null) {
                throw new StoreException("The data directory " + directory + " cannot be created: " + file
                        + " is a file, not a directory. Choose another directory with --data.", e);
            }
            String reason = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.toString();
            throw new StoreException("The data directory " + directory + " cannot be created (" + reason
                    + "). Fix the permissions of its parent or choose another directory with --data.", e);
        }
    }

    /** The path itself or the nearest ancestor that exists, if that is not a directory. */
    private static Path existingNonDirectory(Path directory) {
        for (Path p = directory; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) ? null : p;
            }
        }
        return null;
    }

    private static StoreException inUse(Path directory, String holder) {
        return new StoreException("Another Hearth (" + holder + ") is already using the data directory "
                + directory + ". Stop it first, or give this one its own directory with --data.");
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
            return pid.matches("\\d+") ? "pid " + pid : "another process";
        } catch (IOException e) {
            return "another process";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Already failing with a better message.
        }
    }

    /** Releases the lock; the directory is free for the next Hearth. */
    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The OS drops the lock when the process ends anyway; nothing to do but go on stopping.
        }
    }
}
