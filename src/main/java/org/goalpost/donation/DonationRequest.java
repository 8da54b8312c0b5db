package org.goalpost.donation;

/**
 * A donor's request to give, as typed on the campaign page or sent by the widget, before
 * {@link DonationPolicy} has checked it. {@code amountMinor} is in the campaign currency's minor units;
 * {@code showAmount}: the donor allows the donor wall to show the amount.
 */
public record DonationRequest(
        Long amountMinor,
        String interval,
        String name,
        String email,
        Boolean anonymous,
        String message,
        Boolean coverFees,
        Boolean showAmount) {

    /** Without a word on the donor wall's amount (not shown). */
    public DonationRequest(
            Long amountMinor,
            String interval,
            String name,
            String email,
            Boolean anonymous,
            String message,
            Boolean coverFees) {
        this(amountMinor, interval, name, email, anonymous, message, coverFees, null);
    }
}
