package org.goalpost.shared.money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in minor units (cents) of one currency: Stripe's own representation.
 * Arithmetic never mixes currencies and never overflows silently.
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long minor, String currencyCode) {
        return new Money(minor, Currencies.parse(currencyCode));
    }

    public static Money of(long minor, Currency currency) {
        return new Money(minor, currency);
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * Parses a major-unit amount such as {@code "2500"} or {@code "12.50"}; more decimals than the currency has
     * is an error.
     */
    public static Money ofMajor(String major, Currency currency) {
        BigDecimal value = new BigDecimal(major.trim());
        int digits = fractionDigits(currency);
        if (value.scale() > digits) {
            throw new IllegalArgumentException(
                    currency.getCurrencyCode() + " has " + digits + " decimal places: " + major);
        }
        return new Money(value.movePointRight(digits).longValueExact(), currency);
    }

    public static int fractionDigits(Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minor), currency);
    }

    public boolean isPositive() {
        return minor > 0;
    }

    public boolean isNegative() {
        return minor < 0;
    }

    public boolean isZero() {
        return minor == 0;
    }

    public boolean isAtLeast(Money other) {
        return compareTo(other) >= 0;
    }

    /** The amount in major units, exact: {@code 12345 USD -> 123.45}. */
    public BigDecimal toMajor() {
        return BigDecimal.valueOf(minor, fractionDigits(currency));
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    @Override
    public String toString() {
        return toMajor().toPlainString() + " " + currency.getCurrencyCode();
    }
}
