package org.goalpost.donation;

/**
 * A donor's request to give, as typed on the campaign page or sent by the widget, before
 * {@link DonationPolicy} has checked it. {@code amountMinor} is in the campaign currency's minor units.
 */
public record DonationRequest(
        Long amountMinor,
        String interval,
        String name,
        String email,
        Boolean anonymous,
        String message,
        Boolean coverFees) {
}
