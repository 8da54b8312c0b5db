/**
 * The audit log: every staff action (logins, campaign changes, refunds, offline gifts, exports,
 * user and token changes) with who, when, from where and what changed. Rows are only ever added.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit log")
package org.goalpost.audit;
