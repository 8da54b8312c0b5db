package org.goalpost.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Lines stay at most 120 characters: the formatter sees to code, this to the strings and comments it leaves. */
class LineLengthTest {

    static final int LIMIT = 120;

    @Test
    void noJavaLineIsLongerThan120Characters() throws IOException {
        List<String> long_ = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).length() > LIMIT) {
                        long_.add(file + ":" + (i + 1) + " (" + lines.get(i).length() + ")");
                    }
                }
            }
        }
        assertThat(long_).as("lines over " + LIMIT + " characters").isEmpty();
    }
}
