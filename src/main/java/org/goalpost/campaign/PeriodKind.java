package org.goalpost.campaign;

/** How a campaign's totals are split in time. */
public enum PeriodKind {
    /** One running total for the campaign's whole life. */
    NONE,
    /** Totals start again at the beginning of each calendar month, in the campaign's time zone. */
    MONTHLY
}
