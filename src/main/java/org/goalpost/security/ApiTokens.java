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
 * role, revocable. A token belongs to the staff member who made it and works only while they may
 * act with its role: disabling them, or taking the admin role from them, stops their admin tokens
 * at once. A token expires ({@value #DEFAULT_DAYS} days by default; never, when asked) and keeps
 * when it was last used. {@code GOALPOST_ADMIN_API_TOKEN} seeds one admin token at start-up: it has
 * no owner and no expiry, and lasts as long as the environment names it (documented exception).
 */
@Service
public class ApiTokens {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);
    static final int DEFAULT_DAYS = 90;
    private static final java.util.Set<Integer> ALLOWED_DAYS = java.util.Set.of(0, 7, 30, 90, 365);

    /** Who a valid token speaks for. */
    public record Bearer(long id, String name, StaffRole role) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<Long, Instant> lastRecordedUse = new ConcurrentHashMap<>();

    ApiTokens(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Makes a token for {@value #DEFAULT_DAYS} days and returns its secret: the only time it is ever shown. */
    public String create(String name, String role, String createdBy) {
        return create(name, role, createdBy, DEFAULT_DAYS);
    }

    /**
     * Makes a token owned by {@code createdBy} (a staff account), valid {@code days} days (0: no
     * expiry), and returns its secret: the only time it is ever shown.
     */
    public String create(String name, String role, String createdBy, Integer days) {
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
        int validDays = days == null ? DEFAULT_DAYS : days;
        if (!ALLOWED_DAYS.contains(validDays)) {
            throw new InvalidInputException("expiresInDays", "must be 7, 30, 90, 365 or 0 (no expiry)");
        }
        Long owner = jdbc.sql("SELECT id FROM staff_user WHERE email = ?")
                .param(createdBy)
                .query(Long.class)
                .optional()
                .orElse(null);
        String secret = "gp_" + random(40);
        store(
                label,
                secret,
                staffRole,
                createdBy,
                owner,
                validDays == 0 ? null : clock.instant().plus(Duration.ofDays(validDays)));
        audit.record(
                "api_token.created",
                label,
                "role=" + staffRole + (validDays == 0 ? ", no expiry" : ", " + validDays + " days"));
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
        if (jdbc.sql("SELECT COUNT(*) FROM api_token WHERE token_hash = ?")
                        .param(digest(secret.strip()))
                        .query(Long.class)
                        .single()
                == 0) {
            store("bootstrap (GOALPOST_ADMIN_API_TOKEN)", secret.strip(), StaffRole.ADMIN, "environment", null, null);
            audit.record("environment", "api_token.created", "bootstrap", "role=ADMIN");
        }
    }

    public void revoke(long id) {
        int changed = jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(DbTime.param(clock.instant()), id)
                .update();
        if (changed == 0) {
            throw new NotFoundException("No active API token " + id);
        }
        audit.record("api_token.revoked", String.valueOf(id), null);
    }

    public List<ApiToken> all() {
        return jdbc.sql("SELECT t.id, t.name, t.token_prefix, t.role, t.created_by, t.created_at, "
                        + "t.last_used_at, t.revoked_at, "
                        + "t.expires_at, t.owner_id, u.email AS owner_email, u.enabled AS "
                        + "owner_enabled, u.role AS owner_role "
                        + "FROM api_token t LEFT JOIN staff_user u ON u.id = t.owner_id ORDER BY t.id DESC")
                .query((rs, n) -> new ApiToken(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("token_prefix"),
                        StaffRole.valueOf(rs.getString("role")),
                        rs.getString("created_by"),
                        DbTime.read(rs, "created_at"),
                        DbTime.read(rs, "last_used_at"),
                        DbTime.read(rs, "revoked_at"),
                        DbTime.read(rs, "expires_at"),
                        rs.getString("owner_email"),
                        ownerAllows(
                                rs.getObject("owner_id") != null,
                                rs.getBoolean("owner_enabled"),
                                rs.getString("owner_role"),
                                StaffRole.valueOf(rs.getString("role"))),
                        clock.instant()))
                .list();
    }

    /**
     * The token's bearer, when the secret is a token that is not revoked, not expired, and whose
     * owner is enabled and still holds the token's role (an admin token needs an admin owner).
     */
    public Optional<Bearer> authenticate(String secret) {
        if (secret == null || !secret.startsWith("gp_") && secret.length() < 32) {
            return Optional.empty();
        }
        Optional<Bearer> bearer = jdbc.sql(
                        "SELECT t.id, t.name, t.role, t.owner_id, u.enabled AS owner_enabled, u.role AS owner_role "
                                + "FROM api_token t LEFT JOIN staff_user u ON u.id = t.owner_id "
                                + "WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL "
                                + "OR t.expires_at > ?)")
                .params(digest(secret), DbTime.param(clock.instant()))
                .query((rs, n) -> {
                    StaffRole role = StaffRole.valueOf(rs.getString("role"));
                    boolean allowed = ownerAllows(
                            rs.getObject("owner_id") != null,
                            rs.getBoolean("owner_enabled"),
                            rs.getString("owner_role"),
                            role);
                    return allowed ? new Bearer(rs.getLong("id"), rs.getString("name"), role) : null;
                })
                .optional();
        bearer.ifPresent(this::recordUse);
        return bearer;
    }

    /** Whether a token's owner may still use it: no owner (the bootstrap token), or enabled and holding its role. */
    private static boolean ownerAllows(boolean owned, boolean enabled, String ownerRole, StaffRole tokenRole) {
        if (!owned) {
            return true;
        }
        return enabled
                && ownerRole != null
                && (tokenRole == StaffRole.STAFF || StaffRole.valueOf(ownerRole) == StaffRole.ADMIN);
    }

    private void recordUse(Bearer bearer) {
        Instant now = clock.instant();
        Instant last = lastRecordedUse.get(bearer.id());
        if (last == null || now.isAfter(last.plus(USE_RECORDED_EVERY))) {
            lastRecordedUse.put(bearer.id(), now);
            jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?")
                    .params(DbTime.param(now), bearer.id())
                    .update();
        }
    }

    private void store(String name, String secret, StaffRole role, String createdBy, Long owner, Instant expiresAt) {
        jdbc.sql("INSERT INTO api_token (name, token_hash, token_prefix, role, created_by, created_at, "
                        + "owner_id, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        name,
                        digest(secret),
                        secret.substring(0, Math.min(10, secret.length())),
                        role.name(),
                        createdBy,
                        DbTime.param(clock.instant()),
                        owner,
                        DbTime.param(expiresAt))
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
