package org.goalpost.donation;

import java.util.Objects;
import org.goalpost.shared.money.Money;

/**
 * What is known of a donation when it is opened, grouped so that arguments cannot be swapped silently: where it goes
 * ({@code campaignId}, {@code channel}), what is charged ({@link Charge}) and who gives ({@link Giver}).
 * {@code requestKey}, when given, makes opening idempotent: a second request with the same key finds the first
 * donation instead of a new one. {@code locale}: the donor's language tag ({@code de-DE}), for their emails.
 */
public record NewDonation(
        long campaignId, DonationChannel channel, Charge charge, Giver giver, String requestKey, String locale) {

    public NewDonation {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(charge, "charge");
        Objects.requireNonNull(giver, "giver");
    }

    /**
     * What is charged: {@code amount} (the gift, plus the fees when the donor covers them) for a {@code gift}, once or
     * every interval, in live or in test money.
     */
    public record Charge(DonationInterval interval, Money amount, Money gift, boolean coverFees, boolean livemode) {

        public Charge {
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(gift, "gift");
            if (!amount.currency().equals(gift.currency())) {
                throw new IllegalArgumentException("the amount and the gift are in different currencies");
            }
        }

        /** A gift charged as it is: nothing covered. */
        public static Charge of(DonationInterval interval, Money amount, boolean livemode) {
            return new Charge(interval, amount, amount, false, livemode);
        }
    }

    /**
     * Who gives, and how they may be shown: {@code anonymous} keeps the name off the donor wall, {@code showAmount}
     * lets the wall show the amount.
     */
    public record Giver(String name, String email, boolean anonymous, String message, boolean showAmount) {}

    /** A donation without a request key, language unknown. */
    public static NewDonation of(long campaignId, DonationChannel channel, Charge charge, Giver giver) {
        return new NewDonation(campaignId, channel, charge, giver, null, null);
    }
}
