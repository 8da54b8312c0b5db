/**
 * Whether the stored data still holds together: runs every module's
 * {@link org.goalpost.shared.health.InvariantCheck} on a schedule and on demand (ADMIN,
 * {@code /actuator/invariants}), and reports the last result as the {@code invariants} health
 * indicator and as {@code goalpost.invariant.violations} metrics.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Data health")
package org.goalpost.health;
