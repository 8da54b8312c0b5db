package org.goalpost.receipt;

import java.util.Locale;

/**
 * Single-use links that open the payment gateway's card form for one recurring donation; the notice of a failed
 * instalment carries one, so that the donor fixes the card in two clicks. Made by the donor portal (which opens
 * them); a new link is issued each time the notice is written, and only its hash is kept.
 */
public interface CardLinks {

    /** The address of a new link for the donation, in the donor's language. */
    String issue(long donationId, Locale locale);

    /** How long a link works, in days (Stripe retries a failed payment for about as long). */
    long validDays();
}
