package org.goalpost.payment;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * One event from a gateway, as the webhook or the reconciler received it. Its facts are worked
 * out lazily ({@code facts}), since that may need calls to the gateway, and only when the event
 * is not in the inbox yet.
 */
public record IncomingEvent(
        String id, String type, boolean livemode, Instant created, Callable<List<PaymentFact>> facts) {}
