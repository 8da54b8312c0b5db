package org.goalpost.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.goalpost.donation.DonationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A spike of failed payments or checkouts is counted and said once per five minutes; a trickle is not. */
@ExtendWith(OutputCaptureExtension.class)
class DeclineWatchTest {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {

        Instant now = Instant.parse("2026-11-28T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final HandClock clock = new HandClock();
    private final DeclineWatch watch = new DeclineWatch(meters, clock, 20);

    private void failures(int count, Duration apart) {
        for (int i = 0; i < count; i++) {
            watch.saw(List.of(new PaymentFact.CheckoutClosed(
                    "don_" + i, "cs_" + i, i % 2 == 0 ? DonationStatus.FAILED : DonationStatus.EXPIRED)));
            clock.now = clock.now.plus(apart);
        }
    }

    private double spikes() {
        return meters.counter("goalpost.payments.failure_spikes").count();
    }

    @Test
    void aTrickleIsCountedButRaisesNoAlarm(CapturedOutput output) {
        failures(100, Duration.ofSeconds(20));
        assertThat(meters.counter("goalpost.payments.failed", "reason", "payment_failed")
                        .count())
                .isEqualTo(50);
        assertThat(meters.counter("goalpost.payments.failed", "reason", "checkout_expired")
                        .count())
                .isEqualTo(50);
        assertThat(spikes()).isZero();
        assertThat(output).doesNotContain("Failed payments spike");
    }

    @Test
    void aSpikeIsSaidOnceAWindowAndAgainWhenItGoesOn(CapturedOutput output) {
        failures(21, Duration.ofSeconds(1));
        assertThat(spikes()).isEqualTo(1);
        assertThat(output).contains("Failed payments spike: 21 failed payments or checkouts in the last 5 minutes");
        failures(30, Duration.ofSeconds(1));
        assertThat(spikes()).as("not again within the window").isEqualTo(1);
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        failures(25, Duration.ofSeconds(1));
        assertThat(spikes()).isEqualTo(2);
        double counted = meters.find("goalpost.payments.failed").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
        watch.saw(List.of(new PaymentFact.CheckoutClosed("don_ok", "cs_ok", DonationStatus.SUCCEEDED)));
        assertThat(meters.find("goalpost.payments.failed").counters().stream()
                        .mapToDouble(c -> c.count())
                        .sum())
                .isEqualTo(counted);
    }
}
