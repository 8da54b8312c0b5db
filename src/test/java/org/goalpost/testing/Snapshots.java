package org.goalpost.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Snapshot files under {@code src/test/resources/snapshots}: what a test produced must equal what
 * was reviewed and committed. After an intended change, run the test with
 * {@code -Dsnapshots.update=true} and review the file's diff.
 */
public final class Snapshots {

    private static final Path DIRECTORY = Path.of("src", "test", "resources", "snapshots");

    private Snapshots() {}

    public static void assertMatches(String name, List<String> lines) throws IOException {
        Path file = DIRECTORY.resolve(name);
        String actual = String.join("\n", lines) + "\n";
        if (Boolean.getBoolean("snapshots.update")) {
            Files.createDirectories(DIRECTORY);
            Files.writeString(file, actual);
            return;
        }
        assertThat(file)
                .as("snapshot %s is missing: run the test with -Dsnapshots.update=true and review it", file)
                .exists();
        assertThat(actual)
                .as("%s (after an intended change: -Dsnapshots.update=true, then review the diff)", file)
                .isEqualTo(Files.readString(file));
    }
}
