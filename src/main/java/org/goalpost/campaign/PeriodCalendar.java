package org.goalpost.campaign;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * Which period an instant falls in. Monthly periods are calendar months in the campaign's own
 * time zone: 23:30 on 31 October in New York is still October there, though it is November in UTC.
 */
final class PeriodCalendar {

    private PeriodCalendar() {}

    public static Period periodAt(PeriodKind kind, ZoneId zone, Instant instant) {
        if (kind == PeriodKind.NONE) {
            return Period.whole();
        }
        return monthPeriod(YearMonth.from(instant.atZone(zone)), zone);
    }

    public static Period period(PeriodKind kind, ZoneId zone, PeriodKey key) {
        if (kind == PeriodKind.NONE) {
            if (!key.isAll()) {
                throw new IllegalArgumentException("a campaign without periods has only the ALL period");
            }
            return Period.whole();
        }
        return monthPeriod(key.month(), zone);
    }

    private static Period monthPeriod(YearMonth month, ZoneId zone) {
        Instant start = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        return new Period(PeriodKey.of(month), start, end);
    }
}
