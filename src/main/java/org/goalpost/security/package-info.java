/**
 * Who may do what: the access rules (deny by default; chains for the webhook, the public read
 * path, the metrics scrape, the staff API and the staff pages), staff accounts, the password policy, the login
 * throttle, session stamps, API tokens (hashed, owned, expiring) and the first admin from the environment. Staff
 * sessions live in the database (Spring Session JDBC).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package org.goalpost.security;
