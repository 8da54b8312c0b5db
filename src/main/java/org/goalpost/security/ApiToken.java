package org.goalpost.security;

import java.time.Instant;

/** An API token as listed (never its secret): name, role, its first characters, and its life. */
public record ApiToken(long id, String name, String prefix, StaffRole role, String createdBy, Instant createdAt, Instant lastUsedAt,
        Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
