package org.goalpost.shared.money;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Writes amounts for people. Whole amounts drop their decimals ({@code 2,500 $}, not
 * {@code 2,500.00 $}), as progress boxes do; other amounts keep the currency's decimals.
 */
public final class MoneyFormatter {

    private MoneyFormatter() {}

    public static String format(Money money, Locale locale, AmountStyle style) {
        BigDecimal major = money.toMajor();
        boolean whole = major.stripTrailingZeros().scale() <= 0;
        int digits = whole ? 0 : Money.fractionDigits(money.currency());
        return switch (style) {
            case LOCALE -> localeStyle(money, locale, major, digits);
            case SYMBOL_AFTER -> symbolAfter(money, locale, major, digits);
        };
    }

    private static String localeStyle(Money money, Locale locale, BigDecimal major, int digits) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return normaliseSpaces(format.format(major));
    }

    private static String symbolAfter(Money money, Locale locale, BigDecimal major, int digits) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setGroupingUsed(true);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return normaliseSpaces(format.format(major)) + " " + money.currency().getSymbol(Locale.US);
    }

    /** CLDR separates with narrow or non-breaking spaces; pages and tests expect one kind. */
    private static String normaliseSpaces(String text) {
        return text.replace('\u202F', '\u00A0').replace('\u00A0', ' ');
    }
}
