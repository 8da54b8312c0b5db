package org.goalpost.shared.money;

import java.util.Currency;

/** Two amounts of different currencies were combined: always a programming or data error. */
public class CurrencyMismatchException extends IllegalArgumentException {

    public CurrencyMismatchException(Currency expected, Currency actual) {
        super("Currency mismatch: " + expected.getCurrencyCode() + " vs " + actual.getCurrencyCode());
    }
}
