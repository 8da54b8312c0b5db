package org.goalpost.payment;

import java.time.Instant;

/** A checkout opened at the gateway: where to send the donor, and until when it is open. */
public record CheckoutSession(String id, String url, Instant expiresAt) {}
