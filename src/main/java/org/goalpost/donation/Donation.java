package org.goalpost.donation;

import java.time.Instant;
import java.util.List;
import org.goalpost.shared.money.Money;
import org.goalpost.shared.text.EmailAddresses;

/**
 * A donor's gift (or monthly pledge) to a campaign, as stored. {@code amount} is what the donor is
 * charged; {@code gift} what they chose to give (less when they covered the fees); {@code locale}
 * the language they used (a tag, or null). The money it moved is in the ledger.
 */
public record Donation(
        long id,
        String publicId,
        long campaignId,
        Long donorId,
        DonationChannel channel,
        DonationStatus status,
        DonationInterval interval,
        Money amount,
        Money gift,
        boolean coverFees,
        boolean livemode,
        String donorName,
        String donorEmail,
        boolean anonymous,
        String message,
        String checkoutSessionId,
        String checkoutUrl,
        Instant checkoutExpiresAt,
        String subscriptionId,
        String subscriptionStatus,
        Instant createdAt,
        Instant updatedAt,
        String locale,
        boolean collectionPaused,
        Instant subscriptionStateAt,
        String statusReason) {

    /** Who counts as the donor: the known donor, or this donation on its own. */
    public DonorRef donorRef() {
        return donorId != null ? DonorRef.known(donorId) : DonorRef.anonymous(publicId);
    }

    /** This donation once its donor is known; a name or email it already had stays. */
    Donation withDonor(long id, String name, String email) {
        return new Donation(
                this.id,
                publicId,
                campaignId,
                id,
                channel,
                status,
                interval,
                amount,
                gift,
                coverFees,
                livemode,
                donorName != null ? donorName : name,
                donorEmail != null ? donorEmail : EmailAddresses.normalise(email),
                anonymous,
                message,
                checkoutSessionId,
                checkoutUrl,
                checkoutExpiresAt,
                subscriptionId,
                subscriptionStatus,
                createdAt,
                updatedAt,
                locale,
                collectionPaused,
                subscriptionStateAt,
                statusReason);
    }

    /** Stripe's subscription states in which a recurring donation collects (and so counts as committed). */
    static final List<String> COLLECTING_STATES = List.of("active", "trialing", "past_due");

    /** Subscription states that end a donation for good: no later report brings it back. */
    static final List<String> FINAL_STATES = List.of("canceled", "incomplete_expired");

    /** Subscription states in which a donation has stopped collecting: the final ones, and unpaid. */
    static final List<String> ENDED_STATES = List.of("canceled", "incomplete_expired", "unpaid");

    /**
     * What this donation adds to its campaign's committed yearly figure, in minor units: twelve times a
     * monthly amount or a yearly amount once, while it collects (succeeded, its subscription active,
     * trialing or past due, not paused); otherwise 0. The SQL of {@code DonationRepository} says the same.
     */
    public long committedYearlyMinor() {
        boolean collecting = status == DonationStatus.SUCCEEDED
                && (subscriptionStatus == null || COLLECTING_STATES.contains(subscriptionStatus))
                && !collectionPaused;
        if (!collecting) {
            return 0;
        }
        return switch (interval) {
            case MONTH -> 12 * amount.minor();
            case YEAR -> amount.minor();
            case ONCE -> 0;
        };
    }

    /** Whether its subscription ended for good (cancelled or expired unpaid): nothing can change it any more. */
    public boolean hasEnded() {
        return subscriptionStatus != null && FINAL_STATES.contains(subscriptionStatus);
    }

    /** A monthly or yearly donation: a subscription at the gateway, collected until it ends. */
    public boolean isRecurring() {
        return interval.isRecurring();
    }
}
