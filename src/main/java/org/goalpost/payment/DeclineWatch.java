package org.goalpost.payment;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed payments and failed or expired checkouts, counted ({@code goalpost.payments.failed{reason}})
 * and watched: when more than {@code GOALPOST_DECLINE_ALERT} arrive within five minutes (card
 * testing, a broken integration), one WARN line says so and {@code goalpost.payments.failure_spikes}
 * counts it; the next alert comes at the earliest five minutes later.
 */
@Component
class DeclineWatch {

    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(DeclineWatch.class);

    private final MeterRegistry meters;
    private final Clock clock;
    private final int threshold;
    private final Deque<Instant> recent = new ArrayDeque<>();
    private Instant lastAlert = Instant.EPOCH;

    DeclineWatch(MeterRegistry meters, Clock clock, @Value("${goalpost.payments.decline-alert:20}") int threshold) {
        this.meters = meters;
        this.clock = clock;
        this.threshold = threshold;
    }

    /** Looks at what a committed event meant. */
    void saw(List<PaymentFact> facts) {
        for (PaymentFact fact : facts) {
            String reason = reason(fact);
            if (reason != null) {
                meters.counter("goalpost.payments.failed", "reason", reason).increment();
                failed();
            }
        }
    }

    private static String reason(PaymentFact fact) {
        if (fact instanceof PaymentFact.InstalmentFailed) {
            return "instalment_failed";
        }
        if (fact instanceof PaymentFact.CheckoutClosed closed) {
            return switch (closed.outcome()) {
                case FAILED -> "payment_failed";
                case EXPIRED, CANCELED -> "checkout_expired";
                default -> null;
            };
        }
        return null;
    }

    private synchronized void failed() {
        Instant now = clock.instant();
        recent.addLast(now);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(WINDOW))) {
            recent.removeFirst();
        }
        if (recent.size() > threshold && !lastAlert.isAfter(now.minus(WINDOW))) {
            lastAlert = now;
            meters.counter("goalpost.payments.failure_spikes").increment();
            log.warn(
                    "Failed payments spike: {} failed payments or checkouts in the last {} minutes (alert "
                            + "above {}): card testing "
                            + "or a broken integration? Check Stripe's dashboard (Radar) and the donate "
                            + "form's traffic.",
                    recent.size(),
                    WINDOW.toMinutes(),
                    threshold);
        }
    }
}
