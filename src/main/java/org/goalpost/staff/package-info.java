/**
 * The staff side: the dashboard (totals per campaign and period, charts), campaign and tier
 * management, donations (search, detail, refunds, offline gifts), CSV exports, staff users, API
 * tokens, the audit log, and the staff API ({@code /api/staff/**}). Who may do what is decided by
 * the security module; every change is written to the audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff")
package org.goalpost.staff;
