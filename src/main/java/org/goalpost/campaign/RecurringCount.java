package org.goalpost.campaign;

import java.util.Locale;
import java.util.Optional;

/**
 * How a campaign that measures money raised counts recurring gifts next to the money received: by what was paid
 * ({@code paid}, the default: no second figure) or also by their first-year value ({@code first-year}: a "pledged"
 * figure, a new monthly gift at 12 times its amount and a yearly gift at its amount when the first payment lands, as
 * matching programmes such as NewsMatch count them). The bar always shows money received.
 */
public enum RecurringCount {
    PAID,
    FIRST_YEAR;

    /** {@code paid} or {@code first-year}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<RecurringCount> fromWord(String word) {
        if (word == null) {
            return Optional.empty();
        }
        for (RecurringCount count : values()) {
            if (count.word().equals(word.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(count);
            }
        }
        return Optional.empty();
    }
}
