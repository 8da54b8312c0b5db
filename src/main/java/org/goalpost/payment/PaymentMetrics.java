package org.goalpost.payment;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * What the payment path reports to Micrometer: {@code goalpost.events} (by source and result),
 * {@code goalpost.events.failed} (answered 5xx, to be delivered again), {@code goalpost.webhook.lag}
 * (from Stripe creating an event to its effects committed here) and {@code goalpost.reconciler.runs}
 * / {@code goalpost.reconciler.recovered} (what the webhook had missed).
 */
@Component
class PaymentMetrics {

    private final MeterRegistry meters;
    private final Clock clock;

    PaymentMetrics(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    void settled(IncomingEvent event, String receivedBy, EventProcessor.Result result) {
        meters.counter(
                        "goalpost.events",
                        "received_by",
                        receivedBy,
                        "result",
                        result.name().toLowerCase(java.util.Locale.ROOT))
                .increment();
        if (result == EventProcessor.Result.APPLIED
                && "WEBHOOK".equals(receivedBy)
                && event.created().isAfter(Instant.EPOCH)) {
            Duration lag = Duration.between(event.created(), clock.instant());
            meters.timer("goalpost.webhook.lag").record(lag.isNegative() ? Duration.ZERO : lag);
        }
    }

    void duplicate(String receivedBy) {
        meters.counter("goalpost.events", "received_by", receivedBy, "result", "duplicate")
                .increment();
    }

    void failed(String receivedBy) {
        meters.counter("goalpost.events.failed", "received_by", receivedBy).increment();
    }

    void reconciled(int recovered) {
        meters.counter("goalpost.reconciler.runs").increment();
        meters.counter("goalpost.reconciler.recovered").increment(recovered);
    }
}
