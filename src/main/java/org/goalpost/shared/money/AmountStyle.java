package org.goalpost.shared.money;

/** How amounts are written on a campaign's pages. */
public enum AmountStyle {
    /** As the reader's locale writes money: {@code $2,500} (en-US), {@code 2.500 $} (de-DE). */
    LOCALE,
    /** Digits grouped as the locale groups them, the symbol after: {@code 2,500 $}, as the box we model writes it. */
    SYMBOL_AFTER
}
