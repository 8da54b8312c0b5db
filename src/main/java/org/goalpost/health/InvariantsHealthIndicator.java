package org.goalpost.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code invariants} in {@code /actuator/health}: the last check's result, without running one
 * (the check reads the whole ledger). DOWN when an invariant is broken, for monitoring; the
 * liveness and readiness probes do not include it, so a broken total does not take the service out.
 */
@Component
class InvariantsHealthIndicator implements HealthIndicator {

    private final Invariants invariants;

    InvariantsHealthIndicator(Invariants invariants) {
        this.invariants = invariants;
    }

    @Override
    public Health health() {
        Invariants.Report report = invariants.last();
        if (report == null) {
            return Health.unknown().withDetail("checked", "not yet").build();
        }
        Health.Builder health = report.healthy() ? Health.up() : Health.down();
        health.withDetail("checkedAt", report.checkedAt().toString());
        report.outcomes().forEach(outcome -> health.withDetail(outcome.invariant(), outcome.violations()));
        return health.build();
    }
}
