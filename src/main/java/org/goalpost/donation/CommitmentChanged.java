package org.goalpost.donation;

/**
 * Published in the transaction that changed what a campaign's recurring donors have committed (a new recurring
 * gift, a cancellation, a pause, a new amount); listeners act after it commits. No money need have moved.
 */
public record CommitmentChanged(long campaignId) {}
