package org.goalpost.security;

import java.time.Instant;

/** A staff member's account, as stored (without the password hash). */
record StaffUser(
        long id,
        String email,
        String displayName,
        StaffRole role,
        boolean enabled,
        Instant lockedUntil,
        Instant lastLoginAt,
        Instant createdAt) {}
