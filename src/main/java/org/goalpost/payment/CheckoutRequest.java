package org.goalpost.payment;

import org.goalpost.campaign.Campaign;
import org.goalpost.donation.Donation;

/**
 * What a gateway needs to open a checkout for a pending donation. {@code idempotencyKey} is
 * derived from the donation, so that a retry, or a second request for the same donation, opens
 * the same checkout.
 */
public record CheckoutRequest(
        Donation donation, Campaign campaign, String successUrl, String cancelUrl, String idempotencyKey) {}
