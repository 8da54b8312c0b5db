package org.goalpost.campaign;

/** A milestone on a campaign's bar: an amount in the campaign's minor units, a label and an optional description. */
public record Tier(long amountMinor, String label, String description) {}
