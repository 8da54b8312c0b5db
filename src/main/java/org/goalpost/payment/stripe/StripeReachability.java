package org.goalpost.payment.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.StripeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code stripe} in {@code /actuator/health}: whether Stripe answers our key, as information. UP
 * when it does; UNKNOWN (which never turns the overall status DOWN, and is in neither the liveness
 * nor the readiness probe) when it does not, with the reason for an ADMIN: a Stripe outage must
 * not take the service out, readers still see progress and webhooks arrive once Stripe is back.
 * One probe per {@code goalpost.stripe.health-cache} (30 s) at most, whoever asks how often.
 */
class StripeReachability implements HealthIndicator {

    private final StripeApi api;
    private final Clock clock;
    private final Duration cacheFor;
    private final Duration timeout;
    private final ReentrantLock probing = new ReentrantLock();
    private volatile Checked last;

    private record Checked(Instant at, Health health) {}

    StripeReachability(StripeApi api, Clock clock, Duration cacheFor, Duration timeout) {
        this.api = api;
        this.clock = clock;
        this.cacheFor = cacheFor;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        Checked checked = last;
        if (fresh(checked)) {
            return checked.health();
        }
        if (!probing.tryLock()) {
            // another request is probing: answer with what is known rather than queue behind it
            return checked != null
                    ? checked.health()
                    : Health.unknown().withDetail("checked", "in progress").build();
        }
        try {
            checked = last;
            if (!fresh(checked)) {
                checked = new Checked(clock.instant(), probe());
                last = checked;
            }
            return checked.health();
        } finally {
            probing.unlock();
        }
    }

    private boolean fresh(Checked checked) {
        return checked != null && checked.at().plus(cacheFor).isAfter(clock.instant());
    }

    private Health probe() {
        long began = System.nanoTime();
        Instant at = clock.instant();
        try {
            api.probe(timeout);
            return Health.up()
                    .withDetail("checkedAt", at.toString())
                    .withDetail("millis", (System.nanoTime() - began) / 1_000_000)
                    .build();
        } catch (StripeException e) {
            return Health.unknown()
                    .withDetail("checkedAt", at.toString())
                    .withDetail("reachable", false)
                    .withDetail("reason", reason(e))
                    .build();
        } catch (RuntimeException e) {
            return Health.unknown()
                    .withDetail("checkedAt", at.toString())
                    .withDetail("reachable", false)
                    .withDetail("reason", "unexpected answer: " + e.getClass().getSimpleName())
                    .build();
        }
    }

    /** Why, in words an operator acts on; never the key. */
    static String reason(StripeException e) {
        if (e instanceof ApiConnectionException) {
            return "no connection to Stripe (network, DNS or timeout)";
        }
        if (e instanceof AuthenticationException) {
            return "Stripe refuses the API key (revoked or wrong): STRIPE_SECRET_KEY";
        }
        if (e instanceof PermissionException) {
            return "the restricted key may not read events";
        }
        Integer status = e.getStatusCode();
        return "Stripe answered HTTP " + (status == null ? "?" : status)
                + (e.getRequestId() == null ? "" : " (" + e.getRequestId() + ")");
    }
}
