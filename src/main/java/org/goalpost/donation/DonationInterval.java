package org.goalpost.donation;

import java.util.Locale;
import java.util.Optional;

/** A one-time gift, or a recurring one: collected every month or every year. */
public enum DonationInterval {
    ONCE,
    MONTH,
    YEAR;

    /** Whether the gift is collected again and again (a subscription at the gateway). */
    public boolean isRecurring() {
        return this != ONCE;
    }

    /** The word the API, the forms and links use: {@code once}, {@code month} or {@code year}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The interval a word names: {@code once}, {@code month} (or {@code monthly}), {@code year} (or
     * {@code yearly}, {@code annual}), in any case; empty for anything else.
     */
    public static Optional<DonationInterval> fromWord(String word) {
        if (word == null) {
            return Optional.empty();
        }
        return switch (word.strip().toLowerCase(Locale.ROOT)) {
            case "once" -> Optional.of(ONCE);
            case "month", "monthly" -> Optional.of(MONTH);
            case "year", "yearly", "annual", "annually" -> Optional.of(YEAR);
            default -> Optional.empty();
        };
    }
}
