package org.goalpost.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.goalpost.audit.AuditLog;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.text.Sha256;
import org.goalpost.shared.web.InvalidInputException;
import org.goalpost.shared.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * API tokens for the staff API ({@code Authorization: Bearer gp_…}): made by an admin, shown once,
 * stored only as a SHA-256 digest (a token is 240 random bits, so a plain digest is enough), with a
 * role, revocable. {@code GOALPOST_ADMIN_API_TOKEN} seeds one admin token at start-up.
 */
@Service
public class ApiTokens {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    /** Who a valid token speaks for. */
    public record Bearer(long id, String name, StaffRole role) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<Long, Instant> lastRecordedUse = new ConcurrentHashMap<>();

    ApiTokens(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Makes a token and returns its secret: the only time it is ever shown. */
    public String create(String name, String role, String createdBy) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100) {
            throw new InvalidInputException("name", "give the token a name of 1 to 100 characters");
        }
        StaffRole staffRole;
        try {
            staffRole = StaffRole.valueOf(role == null ? "" : role.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("role", "must be admin or staff");
        }
        String secret = "gp_" + random(40);
        store(label, secret, staffRole, createdBy);
        audit.record("api_token.created", label, "role=" + staffRole);
        return secret;
    }

    /** The bootstrap token from the environment, stored once. */
    void seed(String secret) {
        if (secret == null || secret.isBlank()) {
            return;
        }
        if (secret.strip().length() < 32) {
            throw new IllegalStateException("GOALPOST_ADMIN_API_TOKEN must have at least 32 characters");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_hash = ?").param(digest(secret.strip())).query(Long.class).single() == 0) {
            store("bootstrap (GOALPOST_ADMIN_API_TOKEN)", secret.strip(), StaffRole.ADMIN, "environment");
            audit.record("environment", "api_token.created", "bootstrap", "role=ADMIN");
        }
    }

    public void revoke(long id) {
        int changed = jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(DbTime.param(clock.instant()), id).update();
        if (changed == 0) {
            throw new NotFoundException("No active API token " + id);
        }
        audit.record("api_token.revoked", String.valueOf(id), null);
    }

    public List<ApiToken> all() {
        return jdbc.sql("SELECT id, name, token_prefix, role, created_by, created_at, last_used_at, revoked_at FROM api_token ORDER BY id DESC")
                .query((rs, n) -> new ApiToken(rs.getLong("id"), rs.getString("name"), rs.getString("token_prefix"),
                        StaffRole.valueOf(rs.getString("role")), rs.getString("created_by"), DbTime.read(rs, "created_at"),
                        DbTime.read(rs, "last_used_at"), DbTime.read(rs, "revoked_at")))
                .list();
    }

    /** The token's bearer, when the secret is a valid, unrevoked token. */
    public Optional<Bearer> authenticate(String secret) {
        if (secret == null || !secret.startsWith("gp_") && secret.length() < 32) {
            return Optional.empty();
        }
        Optional<Bearer> bearer = jdbc.sql("SELECT id, name, role FROM api_token WHERE token_hash = ? AND revoked_at IS NULL")
                .param(digest(secret))
                .query((rs, n) -> new Bearer(rs.getLong("id"), rs.getString("name"), StaffRole.valueOf(rs.getString("role"))))
                .optional();
        bearer.ifPresent(this::recordUse);
        return bearer;
    }

    private void recordUse(Bearer bearer) {
        Instant now = clock.instant();
        Instant last = lastRecordedUse.get(bearer.id());
        if (last == null || now.isAfter(last.plus(USE_RECORDED_EVERY))) {
            lastRecordedUse.put(bearer.id(), now);
            jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?").params(DbTime.param(now), bearer.id()).update();
        }
    }

    private void store(String name, String secret, StaffRole role, String createdBy) {
        jdbc.sql("INSERT INTO api_token (name, token_hash, token_prefix, role, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(name, digest(secret), secret.substring(0, Math.min(10, secret.length())), role.name(), createdBy,
                        DbTime.param(clock.instant()))
                .update();
    }

    static String digest(String secret) {
        return Sha256.hex(secret);
    }

    private static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
