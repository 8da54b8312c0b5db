package org.goalpost.donation;

import org.goalpost.shared.money.Money;

/** A donation request that {@link DonationPolicy} accepted: normalised, in the campaign's currency. */
public record AcceptedDonation(
        Money amount,
        DonationInterval interval,
        String name,
        String email,
        boolean anonymous,
        String message,
        boolean coverFees,
        boolean showAmount) {}
