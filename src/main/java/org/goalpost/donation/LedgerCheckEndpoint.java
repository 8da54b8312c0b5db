package org.goalpost.donation;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/** {@code GET /actuator/ledger} (ADMIN): recomputes every period's totals from the ledger and lists any difference. */
@Component
@Endpoint(id = "ledger")
class LedgerCheckEndpoint {

    private final LedgerCheck check;

    LedgerCheckEndpoint(LedgerCheck check) {
        this.check = check;
    }

    @ReadOperation
    LedgerCheck.Report check() {
        return check.run();
    }
}
