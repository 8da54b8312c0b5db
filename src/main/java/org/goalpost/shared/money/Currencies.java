package org.goalpost.shared.money;

import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The currencies campaigns may use. The allow-list keeps to ISO 4217 codes that Stripe charges in
 * with two or zero decimals (three-decimal currencies need Stripe's rounding rules, not built here).
 */
public final class Currencies {

    public static final List<String> DEFAULT_ALLOWED =
            List.of("USD", "EUR", "GBP", "CAD", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "JPY");

    private final Set<Currency> allowed;

    public Currencies(List<String> codes) {
        this.allowed = codes.stream().map(Currencies::parse).collect(Collectors.toUnmodifiableSet());
    }

    public static Currencies defaults() {
        return new Currencies(DEFAULT_ALLOWED);
    }

    public boolean isAllowed(String code) {
        if (code == null || !code.matches("[A-Za-z]{3}")) {
            return false;
        }
        try {
            return allowed.contains(parse(code));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public Set<Currency> allowed() {
        return allowed;
    }

    /** Parses an ISO 4217 code, case-insensitively ({@code usd} as Stripe writes it, or {@code USD}). */
    public static Currency parse(String code) {
        if (code == null) {
            throw new IllegalArgumentException("currency is required");
        }
        return Currency.getInstance(code.trim().toUpperCase(Locale.ROOT));
    }
}
