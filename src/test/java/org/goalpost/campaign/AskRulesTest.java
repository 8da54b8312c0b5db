package org.goalpost.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.goalpost.shared.web.FieldProblem;
import org.goalpost.shared.web.InvalidInputException;
import org.junit.jupiter.api.Test;

class AskRulesTest {

    private static final long MIN = 100;
    private static final long MAX = 1_000_000;

    private static AskDraft.AmountDraft amount(Long minor, String impact, Boolean preselected) {
        return new AskDraft.AmountDraft(minor, impact, preselected);
    }

    private static List<String> refused(AskDraft draft) {
        InvalidInputException e =
                catchThrowableOfType(InvalidInputException.class, () -> AskRules.check(draft, MIN, MAX));
        assertThat(e).as("the ask should be refused").isNotNull();
        return e.problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void aValidAskKeepsItsOrderImpactLinesAndPreselection() {
        Ask ask = AskRules.check(
                new AskDraft(
                        " Keep us independent ",
                        "#1D4ED8",
                        Map.of(
                                "month",
                                List.of(
                                        amount(500L, " A week of local news ", null),
                                        amount(1_000L, null, true),
                                        amount(2_000L, "", null)))),
                MIN,
                MAX);
        assertThat(ask.headline()).isEqualTo("Keep us independent");
        assertThat(ask.accent()).isEqualTo("#1d4ed8");
        assertThat(ask.amounts("month"))
                .containsExactly(
                        new Ask.AskAmount(500, "A week of local news", false),
                        new Ask.AskAmount(1_000, null, true),
                        new Ask.AskAmount(2_000, null, false));
        assertThat(ask.amounts("once")).as("not set: the defaults apply").isEmpty();
    }

    @Test
    void withoutAPreselectedAmountTheMiddleOneIs() {
        Ask ask = AskRules.check(
                new AskDraft(
                        null,
                        null,
                        Map.of(
                                "once",
                                List.of(amount(1_000L, null, null), amount(2_500L, null, false)),
                                "year",
                                List.of(
                                        amount(5_000L, null, null),
                                        amount(10_000L, null, null),
                                        amount(20_000L, null, null)))),
                MIN,
                MAX);
        assertThat(ask.amounts("once")).extracting(Ask.AskAmount::preselected).containsExactly(true, false);
        assertThat(ask.amounts("year")).extracting(Ask.AskAmount::preselected).containsExactly(false, true, false);
    }

    @Test
    void everyBrokenRuleIsNamedAndNothingIsKept() {
        assertThat(refused(new AskDraft(
                        "x".repeat(121),
                        "#fed7aa",
                        Map.of(
                                "once",
                                List.of(
                                        amount(50L, null, true),
                                        amount(1_000L, "Line\nbreak", true),
                                        amount(1_000L, null, null),
                                        amount(null, "an impact without an amount", null)),
                                "weekly",
                                List.of(amount(1_000L, null, null))))))
                .containsExactlyInAnyOrder(
                        "headline",
                        "accent",
                        "amounts.weekly",
                        "amounts.once",
                        "amounts.once[0].amountMinor",
                        "amounts.once[1].impact",
                        "amounts.once[2].amountMinor",
                        "amounts.once[3].amountMinor");
        AskDraft.AmountDraft[] five = new AskDraft.AmountDraft[5];
        Arrays.setAll(five, i -> amount(1_000L * (i + 1), null, null));
        assertThat(refused(new AskDraft(null, null, Map.of("month", List.of(five)))))
                .containsExactly("amounts.month");
        assertThat(refused(new AskDraft(null, "orange", Map.of()))).containsExactly("accent");
    }

    @Test
    void theAccentMustKeepTextReadableOnWhite() {
        assertThat(ThemeContrast.ratioHundredths("#000000", "#ffffff")).isEqualTo(2100);
        assertThat(ThemeContrast.ratioHundredths("#ffffff", "#ffffff")).isEqualTo(100);
        // the default accent, and the grey at the edge of AA (#767676 passes at 4.54:1, #777777 fails at 4.47:1)
        assertThat(ThemeContrast.ratioHundredths("#c2410c", "#ffffff")).isEqualTo(517);
        assertThat(ThemeContrast.ratioHundredths("#767676", "#ffffff")).isEqualTo(454);
        assertThat(ThemeContrast.ratioHundredths("#ffffff", "#767676"))
                .as("either order")
                .isEqualTo(454);
        assertThat(AskRules.check(new AskDraft(null, "#767676", Map.of()), MIN, MAX)
                        .accent())
                .isEqualTo("#767676");
        InvalidInputException e = catchThrowableOfType(
                InvalidInputException.class, () -> AskRules.check(new AskDraft(null, "#777777", Map.of()), MIN, MAX));
        assertThat(e.problems().get(0).message()).contains("4.47:1").contains("4.5:1");
    }
}
