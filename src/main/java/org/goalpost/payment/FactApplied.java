package org.goalpost.payment;

/**
 * Published in the transaction that applied a gateway fact: other modules may write what follows
 * from it (a receipt to send) in the same transaction, so that it exists exactly when the fact
 * counted. {@code changed}: the fact moved money or state now (false when it was known before).
 * {@code donationId}: our donation, when the fact names one.
 */
public record FactApplied(PaymentFact fact, boolean changed, Long donationId) {}
