/**
 * Whether the stored data still holds together: runs every module's
 * {@link org.goalpost.shared.health.InvariantCheck} (ledger: totals equal sums, one row per movement, no orphans,
 * nothing pending past 25 h, the recurring revenue log adding up to each recurring donation; payment: inbox
 * outcomes, parked items) at start, hourly and on demand (ADMIN, {@code /actuator/invariants}), and reports the
 * last result as the {@code invariants} health indicator and as {@code goalpost.invariant.violations} metrics.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Data health")
package org.goalpost.health;
