package org.goalpost.campaign;

import java.util.List;
import java.util.Map;

/**
 * An ask as staff typed it (the ask page, the staff API), before {@link AskRules} checked it: amounts in minor
 * units per frequency, their impact lines and which one is preselected, the headline and the accent colour.
 */
public record AskDraft(String headline, String accent, Map<String, List<AmountDraft>> amounts) {

    public record AmountDraft(Long amountMinor, String impact, Boolean preselected) {}

    public static AskDraft of(Ask ask) {
        return new AskDraft(
                ask.headline(),
                ask.accent(),
                ask.amounts().entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                Map.Entry::getKey,
                                e -> e.getValue().stream()
                                        .map(a -> new AmountDraft(a.amountMinor(), a.impact(), a.preselected()))
                                        .toList())));
    }
}
