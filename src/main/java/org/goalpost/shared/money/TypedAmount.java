package org.goalpost.shared.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * An amount as a person types it, in major units and their language: {@code 1,250.50} in English, {@code
 * 1.250,50} in German.
 */
public final class TypedAmount {

    private TypedAmount() {}

    /** The amount in minor units of the currency, or null when it cannot be read as one. */
    public static Long minor(String typed, Currency currency, Locale locale) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String plain = "de".equals(locale.getLanguage())
                ? typed.strip().replace(".", "").replace(',', '.')
                : typed.strip().replace(",", "");
        if (!plain.matches("\\d{1,9}([.]\\d{1,3})?")) {
            return null;
        }
        try {
            return Money.ofMajor(new BigDecimal(plain).toPlainString(), currency)
                    .minor();
        } catch (IllegalArgumentException | ArithmeticException e) {
            return null;
        }
    }
}
