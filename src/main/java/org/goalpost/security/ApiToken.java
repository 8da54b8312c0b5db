package org.goalpost.security;

import java.time.Instant;

/**
 * An API token as listed (never its secret): name, role, its first characters, its owner and its
 * life. {@code ownerAllows}: its owner is enabled and holds its role (always, for the bootstrap
 * token, which has no owner).
 */
record ApiToken(
        long id,
        String name,
        String prefix,
        StaffRole role,
        String createdBy,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt,
        Instant expiresAt,
        String owner,
        boolean ownerAllows,
        Instant now) {

    public boolean active() {
        return revokedAt == null;
    }

    /** Whether the token opens the API now. */
    public boolean works() {
        return active() && ownerAllows && (expiresAt == null || now.isBefore(expiresAt));
    }

    /** Why a token that is not revoked does not work, or null. */
    public String stoppedBecause() {
        if (!active()) {
            return null;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return "expired";
        }
        return ownerAllows ? null : "its owner is disabled or no longer holds its role";
    }
}
