package org.goalpost.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.goalpost.testing.SlowTest;
import org.junit.jupiter.api.Test;

/**
 * The jar the build packs holds no secret: run in the integration phase, after {@code package}, on
 * the jar just built (it must exist, and be newer than every compiled class: never an old one).
 */
@SlowTest
class PackagedJarHoldsNoSecretTest {

    @Test
    void theJarJustBuiltHoldsNoSecret() throws IOException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jars = files.filter(p -> p.getFileName().toString().matches("goalpost-.*\\.jar"))
                    .toList();
        }
        assertThat(jars).as("the packaged jar (this test runs after package)").hasSize(1);
        Path jar = jars.get(0);
        FileTime newestClass;
        try (Stream<Path> classes = Files.walk(Path.of("target", "classes"))) {
            newestClass = classes.filter(Files::isRegularFile)
                    .map(PackagedJarHoldsNoSecretTest::modified)
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
        }
        assertThat(modified(jar))
                .as("the jar is the one built from these classes")
                .isGreaterThanOrEqualTo(newestClass);
        List<String> found = new ArrayList<>();
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries++;
                if (!entry.getName().endsWith(".jar")) {
                    found.addAll(
                            NoSecretsInTheRepositoryTest.secretsIn(jar + "!" + entry.getName(), zip.readAllBytes()));
                }
            }
        }
        assertThat(entries).as("entries scanned").isGreaterThan(100);
        assertThat(found).as("secret-shaped values in the jar").isEmpty();
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
