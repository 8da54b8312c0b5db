/**
 * Taking donations through a payment gateway and turning what the gateway reports into money in
 * the ledger, exactly once. A gateway ({@code stripe}, or the local {@code testgateway} of the
 * embedded default) reports {@link org.goalpost.payment.IncomingEvent}s whose
 * {@link org.goalpost.payment.PaymentFact}s the {@link org.goalpost.payment.EventProcessor} applies
 * in one transaction with the event's inbox row. Only {@code payment.stripe} knows Stripe.
 * Checkouts pass the donation policy, the rate limits and, when configured, a person check first. The
 * {@link org.goalpost.payment.Reconciler} reads the gateway's event list and settles stale pending donations; what it
 * cannot handle is parked for an admin. Sub-packages: {@code stripe} and {@code testgateway} (the TEST MODE checkout).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments")
package org.goalpost.payment;
