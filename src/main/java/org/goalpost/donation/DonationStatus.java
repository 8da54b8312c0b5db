package org.goalpost.donation;

import java.util.Set;

/**
 * Where a donation stands. A donation starts {@code PENDING} and moves forward only: once it has
 * succeeded, a late "expired" or "failed" changes nothing.
 */
public enum DonationStatus {
    PENDING, SUCCEEDED, FAILED, EXPIRED, CANCELED;

    private static final Set<DonationStatus> FINAL = Set.of(SUCCEEDED);

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
