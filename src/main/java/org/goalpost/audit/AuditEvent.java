package org.goalpost.audit;

import java.time.Instant;

/** One audited action. */
public record AuditEvent(
        long id, Instant occurredAt, String actor, String ip, String action, String target, String details) {}
