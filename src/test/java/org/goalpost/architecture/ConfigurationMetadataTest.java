package org.goalpost.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code goalpost.*} setting has configuration metadata (the configuration processor's, from the
 * {@code @ConfigurationProperties} records, and {@code additional-spring-configuration-metadata.json} for the rest),
 * and every environment variable the properties files read is in docs/CONFIGURATION.md.
 */
class ConfigurationMetadataTest {

    private static final Pattern KEY_IN_CODE = Pattern.compile("\\$\\{(goalpost\\.[a-z0-9.-]+)");
    private static final Pattern KEY_IN_PROPERTIES = Pattern.compile("(?m)^(goalpost\\.[a-z0-9.-]+)=");
    private static final Pattern ENVIRONMENT = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)[:}]");

    @Test
    void everyGoalpostSettingHasMetadata() throws IOException {
        Set<String> described = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor ran").isNotNull();
            for (JsonNode property : JsonMapper.builder().build().readTree(in).path("properties")) {
                described.add(property.path("name").asString());
            }
        }
        Set<String> used = new TreeSet<>();
        collect(Path.of("src/main/java"), KEY_IN_CODE, used);
        collect(Path.of("src/main/resources"), KEY_IN_CODE, used);
        collect(Path.of("src/main/resources"), KEY_IN_PROPERTIES, used);
        assertThat(used).as("settings the code reads").hasSizeGreaterThan(30);
        assertThat(described).containsAll(used);
    }

    @Test
    void everyEnvironmentVariableIsDocumented() throws IOException {
        Set<String> variables = new TreeSet<>();
        collect(Path.of("src/main/resources"), ENVIRONMENT, variables);
        String documentation = Files.readString(Path.of("docs/CONFIGURATION.md"), StandardCharsets.UTF_8);
        assertThat(variables).as("variables the properties files read").hasSizeGreaterThan(30);
        assertThat(variables.stream().filter(variable -> !documentation.contains("`" + variable + "`")))
                .as("variables missing from docs/CONFIGURATION.md")
                .isEmpty();
    }

    private static void collect(Path root, Pattern pattern, Set<String> into) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")
                            || (f.toString().endsWith(".properties")
                                    && !f.getFileName().toString().startsWith("messages")))
                    .toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    into.add(matcher.group(1));
                }
            }
        }
    }
}
