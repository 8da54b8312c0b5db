package org.goalpost.payment;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/** {@code POST /actuator/reconcile} (ADMIN): runs the reconciler now and answers its report. */
@Component
@Endpoint(id = "reconcile")
class ReconcilerEndpoint {

    private final Reconciler reconciler;

    ReconcilerEndpoint(Reconciler reconciler) {
        this.reconciler = reconciler;
    }

    @WriteOperation
    Reconciler.Report run() {
        return reconciler.run();
    }
}
