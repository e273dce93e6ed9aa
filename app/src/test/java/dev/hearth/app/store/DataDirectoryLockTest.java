package dev.hearth.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hearth.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryLockTest {

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("try") // the resource is held for the block, not used in it
    void locking_creates_the_directory_and_records_the_holders_pid() throws IOException {
        Path data = dir.resolve("a/b/data");

        try (DataDirectoryLock ignored = DataDirectoryLock.acquire(data)) {
            assertThat(Files.readString(data.resolve(DataDirectoryLock.FILE_NAME)).strip())
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
    }

    @Test
    void a_locked_directory_is_refused_until_it_is_released() {
        DataDirectoryLock first = DataDirectoryLock.acquire(dir);

        assertThatThrownBy(() -> DataDirectoryLock.acquire(dir))
                .isInstanceOf(StoreException.class)
                .hasMessage("Another Hearth (this process) is already using the data directory " + dir
                        + ". Stop it first, or give this one its own directory with --data.");

        first.close();
        DataDirectoryLock.acquire(dir).close();
    }

    @Test
    void a_directory_under_a_regular_file_is_refused_naming_the_file() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "not a directory");

        assertThatThrownBy(() -> DataDirectoryLock.acquire(file.resolve("data")))
                .isInstanceOf(StoreException.class)
                .hasMessage("The data directory " + file.resolve("data") + " cannot be created: " + file
                        + " is a file, not a directory. Choose another directory with --data.");
        assertThat(Files.readString(file)).isEqualTo("not a directory");
    }
}
