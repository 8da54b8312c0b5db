package org.goalpost.campaign;

/**
 * Tells the campaign module whether money has been recorded for a campaign, so that a change
 * which would re-interpret that money (its currency, its periods) is refused. Implemented by
 * the ledger; the campaign module does not depend on it.
 */
public interface CampaignUsage {

    boolean hasMoney(long campaignId);
}
