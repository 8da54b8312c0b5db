package org.goalpost.campaign;

/** Published in the transaction that created or changed a campaign; listeners act after it commits. */
public record CampaignChanged(long campaignId) {}
