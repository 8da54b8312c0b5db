package org.goalpost.donation;

/** Published in the transaction that recorded money for a campaign; listeners act after it commits. */
public record MoneyRecorded(long campaignId) {}
