package org.goalpost.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.goalpost.shared.health.InvariantCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Runs every module's invariants and keeps the last report (reading it costs no query). */
@Service
public class Invariants {

    private static final Logger log = LoggerFactory.getLogger(Invariants.class);

    /** One run: every invariant's outcome; healthy when all hold. */
    public record Report(Instant checkedAt, long millis, boolean healthy, List<InvariantCheck.Outcome> outcomes) {}

    private final List<InvariantCheck> checks;
    private final MeterRegistry meters;
    private final Clock clock;
    private final AtomicReference<Report> last = new AtomicReference<>();
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

    Invariants(List<InvariantCheck> checks, MeterRegistry meters, Clock clock) {
        this.checks = checks;
        this.meters = meters;
        this.clock = clock;
    }

    /** Runs every check now. */
    public Report run() {
        long started = System.nanoTime();
        List<InvariantCheck.Outcome> outcomes = new ArrayList<>();
        checks.forEach(check -> outcomes.addAll(check.check()));
        Report report = new Report(
                clock.instant(),
                (System.nanoTime() - started) / 1_000_000,
                outcomes.stream().allMatch(InvariantCheck.Outcome::holds),
                List.copyOf(outcomes));
        for (InvariantCheck.Outcome outcome : outcomes) {
            gauge(outcome.invariant()).set(outcome.violations());
            if (!outcome.holds()) {
                log.error(
                        "Invariant broken: {} ({}): {} violation(s)",
                        outcome.invariant(),
                        outcome.description(),
                        outcome.violations());
            }
        }
        last.set(report);
        return report;
    }

    /** The last report, or none before the first run. */
    public Report last() {
        return last.get();
    }

    private AtomicLong gauge(String invariant) {
        return gauges.computeIfAbsent(invariant, name -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("goalpost.invariant.violations", value, AtomicLong::get)
                    .tag("invariant", name)
                    .description("Rows breaking a data invariant at the last check")
                    .register(meters);
            return value;
        });
    }
}
