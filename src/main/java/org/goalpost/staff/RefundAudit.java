package org.goalpost.staff;

import org.goalpost.audit.AuditLog;
import org.goalpost.payment.Refunds;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes every refund staff ask of the gateway to the audit log. It listens on the requesting thread, so the entry
 * carries the staff member (or API token) and the address of the request that asked.
 */
@Component
class RefundAudit {

    private final AuditLog audit;

    RefundAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void on(Refunds.RefundRequested refund) {
        audit.record(
                "refund.requested",
                refund.donationId(),
                "refund " + refund.refundId() + " of " + refund.amountMinor() + " " + refund.currency() + " on "
                        + refund.paymentId() + " (" + refund.status() + ")");
    }
}
