/**
 * Donations and the ledger behind every total. Each money movement is one immutable
 * {@link org.goalpost.donation.LedgerEntry}, unique per kind and source (the Stripe id), and the
 * per-period totals are updated in the same transaction by SQL increments; the
 * {@link org.goalpost.donation.LedgerCheck} recomputes them from the ledger at any time. Recurring
 * donations (monthly or yearly) also log every change of what they commit, so that
 * {@link org.goalpost.donation.RecurringRevenue} reports recurring revenue month by month as sums of rows.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Donations and ledger")
package org.goalpost.donation;
