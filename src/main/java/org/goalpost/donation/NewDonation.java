package org.goalpost.donation;

import org.goalpost.shared.money.Money;

/**
 * What is known of a donation when it is opened. {@code requestKey}, when given, makes opening
 * idempotent: a second request with the same key finds the first donation instead of a new one.
 * {@code showAmount}: the donor allowed the donor wall to show the amount; {@code locale}: the donor's
 * language tag ({@code de-DE}), for their emails.
 */
public record NewDonation(
        long campaignId,
        DonationChannel channel,
        DonationInterval interval,
        Money amount,
        Money gift,
        boolean coverFees,
        boolean livemode,
        String donorName,
        String donorEmail,
        boolean anonymous,
        String message,
        String requestKey,
        boolean showAmount,
        String locale) {

    /** A donation whose amount the donor wall does not show, language unknown. */
    public NewDonation(
            long campaignId,
            DonationChannel channel,
            DonationInterval interval,
            Money amount,
            Money gift,
            boolean coverFees,
            boolean livemode,
            String donorName,
            String donorEmail,
            boolean anonymous,
            String message,
            String requestKey) {
        this(
                campaignId,
                channel,
                interval,
                amount,
                gift,
                coverFees,
                livemode,
                donorName,
                donorEmail,
                anonymous,
                message,
                requestKey,
                false,
                null);
    }

    /** Language unknown. */
    public NewDonation(
            long campaignId,
            DonationChannel channel,
            DonationInterval interval,
            Money amount,
            Money gift,
            boolean coverFees,
            boolean livemode,
            String donorName,
            String donorEmail,
            boolean anonymous,
            String message,
            String requestKey,
            boolean showAmount) {
        this(
                campaignId,
                channel,
                interval,
                amount,
                gift,
                coverFees,
                livemode,
                donorName,
                donorEmail,
                anonymous,
                message,
                requestKey,
                showAmount,
                null);
    }

    /** A gift recorded as it is: nothing covered, no request key. */
    public static NewDonation simple(
            long campaignId,
            DonationChannel channel,
            DonationInterval interval,
            Money amount,
            boolean livemode,
            String donorName,
            String donorEmail,
            boolean anonymous,
            String message) {
        return new NewDonation(
                campaignId,
                channel,
                interval,
                amount,
                amount,
                false,
                livemode,
                donorName,
                donorEmail,
                anonymous,
                message,
                null);
    }
}
