package org.goalpost.donation;

import java.util.Arrays;
import java.util.Optional;

/** Why a donor ends a recurring donation, as the portal asks it (optional); counted for staff. */
public enum CancellationReason {
    MONEY_TIGHT,
    GIVING_ELSEWHERE,
    COVERAGE,
    ONE_TIME,
    OTHER;

    /** The reason a form value names (its name, any case); empty for none or anything else. */
    public static Optional<CancellationReason> fromForm(String value) {
        return value == null
                ? Optional.empty()
                : Arrays.stream(values())
                        .filter(r -> r.name().equalsIgnoreCase(value.strip()))
                        .findFirst();
    }
}
