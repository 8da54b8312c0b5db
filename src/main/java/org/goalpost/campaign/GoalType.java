package org.goalpost.campaign;

import java.util.Locale;
import java.util.Optional;

/**
 * What a campaign's bar measures, and so what its tiers are: money received in the period ({@code raised}, tiers in
 * minor units), monthly recurring revenue now ({@code recurring}, tiers in minor units per month, as on Open
 * Collective) or the number of donors in the period ({@code donors}, tiers are counts).
 */
public enum GoalType {
    RAISED,
    RECURRING,
    DONORS;

    /** The word the API and the forms use: {@code raised}, {@code recurring}, {@code donors}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the tiers and the bar's figure are amounts of money (else counts). */
    public boolean isMoney() {
        return this != DONORS;
    }

    public static Optional<GoalType> fromWord(String word) {
        if (word == null) {
            return Optional.empty();
        }
        for (GoalType type : values()) {
            if (type.word().equals(word.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
