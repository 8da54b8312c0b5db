package org.goalpost.campaign;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goalpost.shared.text.PlainText;
import org.goalpost.shared.web.FieldProblem;
import org.goalpost.shared.web.InvalidInputException;

/**
 * What a valid ask is. Per frequency none (the defaults apply) or one to {@link #MAX_AMOUNTS} different amounts
 * within the donation limits, at most one preselected (none marked: the middle one is); impact lines and the
 * headline are one plain line each; the accent colour is {@code #rrggbb} with at least 4.5:1 contrast against the
 * white the pages draw on and write on buttons ({@link ThemeContrast}), so that no theme makes a page unreadable.
 */
public final class AskRules {

    public static final int MAX_AMOUNTS = 4;
    public static final int MAX_IMPACT = 100;
    public static final int MAX_HEADLINE = 120;
    static final String WHITE = "#ffffff";

    private AskRules() {}

    /**
     * Checks a draft against the smallest and largest gift (minor units).
     *
     * @throws InvalidInputException naming every field that breaks a rule
     */
    public static Ask check(AskDraft draft, long minimumMinor, long maximumMinor) {
        List<FieldProblem> problems = new ArrayList<>();
        String headline = trimmed(draft.headline());
        if (headline != null && (headline.length() > MAX_HEADLINE || !PlainText.isLine(headline))) {
            problems.add(new FieldProblem("headline", "use one line of at most " + MAX_HEADLINE + " characters"));
        }
        String accent = trimmed(draft.accent());
        if (accent != null) {
            if (!ThemeContrast.isHexColour(accent)) {
                problems.add(new FieldProblem("accent", "write the colour as #rrggbb, such as #c2410c"));
            } else {
                long ratio = ThemeContrast.ratioHundredths(accent, WHITE);
                if (ratio < ThemeContrast.TEXT) {
                    problems.add(new FieldProblem(
                            "accent",
                            "has " + ThemeContrast.written(ratio) + " contrast with white; buttons and reached tiers "
                                    + "need at least 4.5:1 (choose a darker colour)"));
                }
                accent = ThemeContrast.normalised(accent);
            }
        }
        Map<String, List<Ask.AskAmount>> amounts = new LinkedHashMap<>();
        Map<String, List<AskDraft.AmountDraft>> given = draft.amounts() == null ? Map.of() : draft.amounts();
        for (String frequency : given.keySet()) {
            if (!CampaignRules.INTERVALS.contains(frequency)) {
                problems.add(new FieldProblem("amounts." + frequency, "must be 'once', 'month' or 'year'"));
            }
        }
        for (String frequency : CampaignRules.INTERVALS) {
            List<AskDraft.AmountDraft> rows = given.getOrDefault(frequency, List.of()).stream()
                    .filter(row -> row != null && (row.amountMinor() != null || trimmed(row.impact()) != null))
                    .toList();
            if (rows.isEmpty()) {
                continue;
            }
            String field = "amounts." + frequency;
            if (rows.size() > MAX_AMOUNTS) {
                problems.add(new FieldProblem(field, "offer at most " + MAX_AMOUNTS + " amounts"));
                continue;
            }
            Set<Long> seen = new HashSet<>();
            long preselectedCount = rows.stream()
                    .filter(row -> Boolean.TRUE.equals(row.preselected()))
                    .count();
            if (preselectedCount > 1) {
                problems.add(new FieldProblem(field, "preselect one amount, not " + preselectedCount));
            }
            int middle = (rows.size() - 1) / 2;
            List<Ask.AskAmount> valid = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                AskDraft.AmountDraft row = rows.get(i);
                String at = field + "[" + i + "]";
                Long minor = row.amountMinor();
                if (minor == null) {
                    problems.add(new FieldProblem(at + ".amountMinor", "is required"));
                } else if (minor < minimumMinor || minor > maximumMinor) {
                    problems.add(new FieldProblem(at + ".amountMinor", "must lie within the donation limits"));
                } else if (!seen.add(minor)) {
                    problems.add(new FieldProblem(at + ".amountMinor", "is offered twice"));
                }
                String impact = trimmed(row.impact());
                if (impact != null && (impact.length() > MAX_IMPACT || !PlainText.isLine(impact))) {
                    problems.add(
                            new FieldProblem(at + ".impact", "use one line of at most " + MAX_IMPACT + " characters"));
                }
                boolean preselected = preselectedCount == 0 ? i == middle : Boolean.TRUE.equals(row.preselected());
                valid.add(new Ask.AskAmount(minor == null ? 0 : minor, impact, preselected));
            }
            amounts.put(frequency, List.copyOf(valid));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Ask(headline, accent, amounts);
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
