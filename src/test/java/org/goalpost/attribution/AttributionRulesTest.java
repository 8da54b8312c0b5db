package org.goalpost.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.goalpost.shared.web.FieldProblem;
import org.goalpost.shared.web.InvalidInputException;
import org.junit.jupiter.api.Test;

class AttributionRulesTest {

    private static Attribution page(String page) {
        return AttributionRules.check(new AttributionDraft(page, null, null, null, null, null), "");
    }

    @Test
    void aPageKeepsSchemeHostAndPathOnlyAndItsUtmFieldsApart() {
        Attribution a = page("HTTPS://News.Example:443/Politics/Story-1/?utm_source=newsletter&utm_medium=email"
                + "&utm_campaign=Winter%20drive&reader=ada@example.org&token=secret#comments");
        assertThat(a.page()).isEqualTo("https://news.example/Politics/Story-1");
        assertThat(a.utmSource()).isEqualTo("newsletter");
        assertThat(a.utmMedium()).isEqualTo("email");
        assertThat(a.utmCampaign()).isEqualTo("Winter drive");
        assertThat(a.placement()).isEqualTo("default");
        assertThat(a.toString()).doesNotContain("ada@example.org").doesNotContain("secret");
        assertThat(page("http://news.example:8080/").page()).isEqualTo("http://news.example:8080");
        assertThat(page("https://news.example").page()).isEqualTo("https://news.example");
        assertThat(page(null).page()).isNull();
        // utm fields given on their own win over the page's
        assertThat(AttributionRules.check(
                                new AttributionDraft(
                                        "https://news.example/a?utm_source=x", "end", "b", "social", null, null),
                                "")
                        .utmSource())
                .isEqualTo("social");
        assertThat(page("https://news.example/a").key())
                .as("the same attribution, the same key")
                .isEqualTo(page("https://NEWS.example/a/?q=1").key())
                .isNotEqualTo(page("https://news.example/b").key());
    }

    @Test
    void badValuesAreNamedWithTheirPrefix() {
        InvalidInputException e = catchThrowableOfType(
                InvalidInputException.class,
                () -> AttributionRules.check(
                        new AttributionDraft(
                                "javascript:alert(1)", "end of article", "x".repeat(33), "a\nb", null, "y".repeat(101)),
                        "attribution."));
        assertThat(e.problems())
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder(
                        "attribution.page",
                        "attribution.placement",
                        "attribution.variant",
                        "attribution.utmSource",
                        "attribution.utmCampaign");
        for (String bad : List.of("not a url at all", "ftp://news.example/x", "https:///path", "/relative/path")) {
            assertThat(catchThrowableOfType(InvalidInputException.class, () -> page(bad)))
                    .as(bad)
                    .isNotNull();
        }
        assertThat(catchThrowableOfType(
                        InvalidInputException.class, () -> page("https://news.example/" + "p".repeat(600))))
                .isNotNull();
    }
}
