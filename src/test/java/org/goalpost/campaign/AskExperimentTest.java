package org.goalpost.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a reader shown a variant sees, and what ending an experiment keeps: one rule for both. */
class AskExperimentTest {

    private static final Ask OWN = new Ask(
            "Support us",
            "#1d4ed8",
            Map.of(
                    "once",
                    List.of(new Ask.AskAmount(1_000, "A records request", false), new Ask.AskAmount(2_500, null, true)),
                    "month",
                    List.of(new Ask.AskAmount(1_000, "A week of local news", true))));

    @Test
    void aVariantOverTheCampaignsAskKeepsItsImpactLinesAccentAndTheFrequenciesItLeavesEmpty() {
        AskExperiment.Variant monthly = new AskExperiment.Variant(
                "b",
                50,
                null,
                "month",
                Map.of("month", List.of(new Ask.AskAmount(1_000, null, false), new Ask.AskAmount(2_000, null, true))));
        Ask shown = monthly.over(OWN);
        assertThat(shown.headline()).as("the campaign's, the variant has none").isEqualTo("Support us");
        assertThat(shown.accent()).isEqualTo("#1d4ed8");
        assertThat(shown.amounts("month"))
                .containsExactly(
                        new Ask.AskAmount(1_000, "A week of local news", false), new Ask.AskAmount(2_000, null, true));
        assertThat(shown.amounts("once")).as("left empty: the campaign's own").isEqualTo(OWN.amounts("once"));
        assertThat(new AskExperiment.Variant("c", 50, "Keep us going", "once", Map.of())
                        .over(OWN)
                        .headline())
                .isEqualTo("Keep us going");
    }
}
