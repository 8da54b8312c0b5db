package org.goalpost.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Secrets come from the environment, never from the repository or the jar: fails on anything
 * shaped like a Stripe live secret or restricted key, or a webhook signing secret, in the project's
 * files and in what the build compiles ({@code target/classes}); the packaged jar is scanned after it
 * is built, by {@link PackagedJarHoldsNoSecretTest}.
 * Test values are visibly fake ({@code whsec_test_current}) and too short to match.
 */
class NoSecretsInTheRepositoryTest {

    static final Pattern SECRET = Pattern.compile("(sk_live|rk_live)_[0-9A-Za-z]{16,}|whsec_[0-9A-Za-z]{24,}");
    private static final Set<String> SKIPPED_DIRECTORIES =
            Set.of(".git", "target", "data", "node_modules", ".idea", ".mvn");

    @Test
    void theProjectsFilesHoldNoSecret() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("."))) {
            files.filter(Files::isRegularFile)
                    .filter(NoSecretsInTheRepositoryTest::scanned)
                    .forEach(file -> {
                        try {
                            found.addAll(secretsIn(file.toString(), Files.readAllBytes(file)));
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    });
        }
        assertThat(found).as("secret-shaped values in the repository").isEmpty();
    }

    @Test
    void whatTheBuildPacksHoldsNoSecret() throws IOException {
        List<String> found = new ArrayList<>();
        Path classes = Path.of("target", "classes");
        assertThat(classes).as("compiled classes").isDirectory();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                found.addAll(secretsIn(file.toString(), Files.readAllBytes(file)));
            }
        }
        assertThat(found).as("secret-shaped values in the build's output").isEmpty();
    }

    @Test
    void thePatternKnowsASecretWhenItSeesOne() {
        String fakeLive = "sk_" + "live_" + "51H8abcdefghijklmnopqrstuvwxyz0123";
        String fakeSigning = "whsec_" + "0123456789abcdefghijklmnopqrstuvwxyzABCD";
        assertThat(secretsIn("sample", ("key=" + fakeLive).getBytes(StandardCharsets.UTF_8)))
                .hasSize(1);
        assertThat(secretsIn("sample", ("secret: " + fakeSigning).getBytes(StandardCharsets.UTF_8)))
                .hasSize(1);
        assertThat(secretsIn(
                        "sample",
                        "whsec_test_current sk_test_goalpost_tests sk_live_ prefix".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    private static boolean scanned(Path file) {
        for (Path part : file.normalize()) {
            if (SKIPPED_DIRECTORIES.contains(part.toString())) {
                return false;
            }
        }
        return true;
    }

    static List<String> secretsIn(String where, byte[] content) {
        List<String> found = new ArrayList<>();
        Matcher matcher = SECRET.matcher(new String(content, StandardCharsets.ISO_8859_1));
        while (matcher.find()) {
            found.add(where + ": " + matcher.group().substring(0, 12) + "…");
        }
        return found;
    }
}
