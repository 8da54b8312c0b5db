package org.goalpost.donation;

import java.time.Instant;

/**
 * What staff look for among donations: any of campaign, status, interval, mode and a time window
 * (opened between {@code from} inclusive and {@code to} exclusive), and a search text: an email,
 * a donation id, a Stripe id ({@code cs_}, {@code pi_}, {@code ch_}, {@code in_}, {@code sub_}) or
 * the start of a donor's name.
 */
public record DonationCriteria(
        Long campaignId,
        DonationStatus status,
        DonationInterval interval,
        Boolean livemode,
        Instant from,
        Instant to,
        String query) {

    public static DonationCriteria all() {
        return new DonationCriteria(null, null, null, null, null, null, null);
    }
}
