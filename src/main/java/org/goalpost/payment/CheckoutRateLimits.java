package org.goalpost.payment;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.goalpost.shared.limits.ClientKeys;
import org.goalpost.shared.limits.KeyedBuckets;
import org.goalpost.shared.web.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The card-testing defence: a bot that opens checkout after checkout is refused before anything is
 * written or sent to the gateway. Token buckets (Bucket4j) refilled evenly over a minute, one per
 * client (the connecting peer, or the forwarded client when the peer is a trusted proxy: see
 * {@code GOALPOST_TRUSTED_PROXIES}; an IPv6 client by its /64, {@link ClientKeys}) and one for everybody
 * ({@link KeyedBuckets}: bounded, per
 * instance).
 */
@Component
class CheckoutRateLimits {

    private static final Logger log = LoggerFactory.getLogger(CheckoutRateLimits.class);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final int perAddress;
    private final int everybody;
    private final Bucket global;
    private final KeyedBuckets addresses;
    private final ClientKeys clients;
    private final Counter refusedPerAddress;
    private final Counter refusedGlobally;

    CheckoutRateLimits(RateLimitProperties properties, MeterRegistry meters, ClientKeys clients) {
        this.clients = clients;
        this.perAddress = properties.checkoutPerIp();
        this.everybody = properties.checkoutGlobal();
        this.global = everybody == 0 ? null : KeyedBuckets.single(everybody, MINUTE);
        this.addresses = new KeyedBuckets(Math.max(1, perAddress), MINUTE, 200_000);
        this.refusedPerAddress = refusals(meters, "address");
        this.refusedGlobally = refusals(meters, "global");
    }

    private static Counter refusals(MeterRegistry meters, String limit) {
        return Counter.builder("goalpost.checkout.refused")
                .description("Checkouts refused by a rate limit")
                .tag("limit", limit)
                .register(meters);
    }

    /** @throws TooManyRequestsException when this address, or everybody together, opened too many checkouts lately */
    void admit(String clientAddress) {
        if (perAddress > 0) {
            ConsumptionProbe probe = addresses.of(clients.of(clientAddress)).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                refusedPerAddress.increment();
                log.debug(
                        "Checkout refused for {}: more than {} a minute from this address", clientAddress, perAddress);
                throw new TooManyRequestsException(
                        "Too many donation attempts from your connection; please wait a moment and try again.",
                        Duration.ofNanos(probe.getNanosToWaitForRefill()));
            }
        }
        if (global != null) {
            ConsumptionProbe probe = global.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                refusedGlobally.increment();
                log.warn(
                        "Checkout refused for {}: the limit for everybody ({} a minute) is reached",
                        clientAddress,
                        everybody);
                throw new TooManyRequestsException(
                        "Too many donation attempts right now; please try again in a minute.",
                        Duration.ofNanos(probe.getNanosToWaitForRefill()));
            }
        }
    }
}
