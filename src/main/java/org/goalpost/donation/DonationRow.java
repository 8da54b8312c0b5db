package org.goalpost.donation;

import java.time.Instant;
import org.goalpost.shared.money.Money;

/** A donation as a staff list shows it. */
public record DonationRow(
        long id,
        String publicId,
        long campaignId,
        String campaignSlug,
        DonationChannel channel,
        DonationStatus status,
        DonationInterval interval,
        Money amount,
        boolean livemode,
        String donorName,
        String donorEmail,
        boolean anonymous,
        Instant createdAt) {}
