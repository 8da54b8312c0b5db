package org.goalpost.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Which language a reader gets: ?lang= first, then the browser's first supported language (its region kept),
 * then English.
 */
class LanguagesTest {

    @Test
    void anExplicitChoiceWinsWhenSupported() {
        assertThat(Languages.resolve("de", List.of(Locale.US))).isEqualTo(Locale.GERMANY);
        assertThat(Languages.resolve("de-AT", List.of(Locale.US))).isEqualTo(Locale.forLanguageTag("de-AT"));
        assertThat(Languages.resolve("en", List.of(Locale.GERMANY))).isEqualTo(Locale.US);
        assertThat(Languages.resolve("fr", List.of(Locale.GERMANY)))
                .as("not supported: the browser decides")
                .isEqualTo(Locale.GERMANY);
    }

    @Test
    void otherwiseTheBrowsersFirstSupportedLanguage() {
        assertThat(Languages.resolve(null, List.of(Locale.FRANCE, Locale.forLanguageTag("de-CH"), Locale.UK)))
                .isEqualTo(Locale.forLanguageTag("de-CH"));
        assertThat(Languages.resolve(null, List.of(Locale.UK))).isEqualTo(Locale.UK);
        assertThat(Languages.resolve(null, List.of(Locale.JAPAN))).isEqualTo(Locale.US);
        assertThat(Languages.resolve(null, List.of())).isEqualTo(Locale.US);
    }

    @Test
    void aStoredTagComesBack() {
        assertThat(Languages.of("de-DE")).isEqualTo(Locale.GERMANY);
        assertThat(Languages.of(null)).isEqualTo(Locale.US);
        assertThat(Languages.of("xx")).isEqualTo(Locale.US);
    }
}
