package org.goalpost.donation;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a donation stands. A donation starts {@code PENDING} and moves forward only: once it has
 * succeeded, a late "expired" or "failed" changes nothing. {@code ABANDONED}: the reconciler
 * settled it because its checkout can no longer be asked about (the gateway no longer has it, or
 * it was opened by another gateway or mode); the reason is kept with it.
 */
public enum DonationStatus {
    PENDING,
    SUCCEEDED,
    FAILED,
    EXPIRED,
    CANCELED,
    ABANDONED;

    private static final Set<DonationStatus> FINAL = Set.of(SUCCEEDED);

    /** The statuses a donation may be in to move to {@code next}. */
    public static Set<DonationStatus> movingTo(DonationStatus next) {
        Set<DonationStatus> from = EnumSet.noneOf(DonationStatus.class);
        for (DonationStatus status : values()) {
            if (status.canMoveTo(next)) {
                from.add(status);
            }
        }
        return from;
    }

    public boolean canMoveTo(DonationStatus next) {
        if (this == next || FINAL.contains(this)) {
            return false;
        }
        if (this == PENDING) {
            return true;
        }
        // a failed, expired or canceled attempt can still be completed late (a delayed payment method clearing)
        return next == SUCCEEDED;
    }
}
