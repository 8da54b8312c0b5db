package org.goalpost.donation;

import java.time.Instant;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.PeriodKey;

/**
 * Which period a money movement counts in, for campaigns with monthly totals. A gift counts in
 * the period it was received. A refund, dispute or dispute reversal counts in the period of the
 * payment it reverses, not the period it happened in: each month's published total then stays
 * "what that month's donations kept", and a new month never opens below zero because of an
 * older donation. The choice is applied everywhere money is recorded.
 */
public final class PeriodAttribution {

    private PeriodAttribution() {}

    public static PeriodKey forGift(Campaign campaign, Instant receivedAt) {
        return campaign.periodAt(receivedAt).key();
    }

    /** The period of the reversed payment, given the period that payment was recorded in. */
    public static PeriodKey forReversal(PeriodKey periodOfReversedPayment) {
        return periodOfReversedPayment;
    }
}
