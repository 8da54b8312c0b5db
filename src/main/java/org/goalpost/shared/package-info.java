/**
 * Building blocks every feature module may use, with no business rules of their own: {@code money}
 * (the Money value type, currencies, formatting), {@code mode} (test or live), {@code db} (portable SQL helpers,
 * transactions with retry), {@code web} (problem details, request size limits), {@code time} (the clock),
 * {@code health} (the {@code InvariantCheck} interface), {@code scheduling} (ShedLock: scheduled jobs on one
 * instance at a time), {@code logging} (log lines scrubbed of card-like numbers and secrets), {@code privacy}
 * (the {@code PersonalData} interface each module with personal data implements), {@code limits} (per-key token
 * buckets, client keys: an IPv6 /64 is one client) and {@code text} (plain one-line text, email addresses, hashes).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Shared building blocks",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.goalpost.shared;
