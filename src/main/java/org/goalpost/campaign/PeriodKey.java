package org.goalpost.campaign;

import java.time.YearMonth;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names the period a total belongs to: {@code ALL} for campaigns without periods, {@code 2026-11}
 * for a calendar month of a monthly campaign. Stored as is in the ledger and the totals.
 */
public record PeriodKey(String value) {

    private static final Pattern FORMAT = Pattern.compile("ALL|\\d{4}-(0[1-9]|1[0-2])");
    public static final PeriodKey ALL = new PeriodKey("ALL");

    public PeriodKey {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("period must be ALL or YYYY-MM, not '" + value + "'");
        }
    }

    public static PeriodKey of(YearMonth month) {
        return new PeriodKey(month.toString());
    }

    public static PeriodKey parse(String value) {
        return new PeriodKey(value);
    }

    public boolean isAll() {
        return this.equals(ALL);
    }

    public YearMonth month() {
        if (isAll()) {
            throw new IllegalStateException("the ALL period has no month");
        }
        return YearMonth.parse(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
