package org.goalpost.donation;

import org.goalpost.shared.money.Money;

/** What is known of a donation when it is opened. */
public record NewDonation(
        long campaignId,
        DonationChannel channel,
        DonationInterval interval,
        Money amount,
        boolean livemode,
        String donorName,
        String donorEmail,
        boolean anonymous,
        String message) {
}
