package org.goalpost.campaign;

import java.time.Instant;

/** One period of a campaign: its key and, for monthly campaigns, where it starts and ends (end exclusive). */
public record Period(PeriodKey key, Instant start, Instant end) {

    public static Period whole() {
        return new Period(PeriodKey.ALL, null, null);
    }

    public boolean isBounded() {
        return start != null;
    }
}
