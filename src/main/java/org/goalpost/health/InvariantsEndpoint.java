package org.goalpost.health;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/** {@code /actuator/invariants} (ADMIN): GET the last report (running the checks if none yet), POST to run them now. */
@Component
@Endpoint(id = "invariants")
class InvariantsEndpoint {

    private final Invariants invariants;

    InvariantsEndpoint(Invariants invariants) {
        this.invariants = invariants;
    }

    @ReadOperation
    Invariants.Report last() {
        Invariants.Report last = invariants.last();
        return last != null ? last : invariants.run();
    }

    @WriteOperation
    Invariants.Report runNow() {
        return invariants.run();
    }
}
