package org.goalpost.campaign;

/**
 * Tells the campaign module what already depends on a campaign's currency and periods, so that a
 * change which would re-interpret it is refused: money recorded, checkouts still open, recurring
 * donations still collecting. Implemented by the donation module; the campaign module does not
 * depend on it.
 */
public interface CampaignUsage {

    boolean hasMoney(long campaignId);

    /** What would still bring money in the campaign's current currency. */
    Commitments openCommitments(long campaignId);

    /**
     * Checkouts opened and not closed yet (pending, not past their expiry), and recurring donations still
     * collecting.
     */
    record Commitments(long openCheckouts, long activeRecurring) {

        public boolean any() {
            return openCheckouts > 0 || activeRecurring > 0;
        }
    }
}
