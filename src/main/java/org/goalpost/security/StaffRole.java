package org.goalpost.security;

/**
 * What a staff member may do. ADMIN: staff users, API tokens, campaigns, refunds, offline gifts,
 * and everything STAFF may. STAFF: read totals and donations, export.
 */
enum StaffRole {
    ADMIN,
    STAFF;

    /** The Spring Security authority: {@code ROLE_ADMIN}, {@code ROLE_STAFF}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
