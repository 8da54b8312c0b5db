package org.goalpost.portal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.text.Sha256;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tokens of the links the portal mails (manage links and card links): 256 random bits, URL-safe; only the
 * SHA-256 is stored, and a token changed in any way is not well formed or unknown.
 */
final class LinkTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkTokens() {}

    static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean wellFormed(String token) {
        return token != null
                && token.length() == 43
                && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    static String hash(String token) {
        return Sha256.hex(token);
    }

    /** Whether the token opens a row of {@code table} now (unused, unexpired), without using it. */
    static boolean usable(JdbcClient jdbc, String table, String token, Instant now) {
        return wellFormed(token)
                && jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE token_hash = ? AND used_at IS NULL AND "
                                        + "expires_at > ?")
                                .params(hash(token), DbTime.param(now))
                                .query(Long.class)
                                .single()
                        == 1;
    }

    /**
     * Uses the token's row of {@code table}, once: its {@code column}; empty when the token is unknown, used or
     * expired (a conditional update that one caller wins).
     */
    static <T> Optional<T> use(JdbcClient jdbc, String table, String column, Class<T> type, String token, Instant now) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        String hash = hash(token);
        int used = jdbc.sql("UPDATE " + table + " SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND "
                        + "expires_at > ?")
                .params(DbTime.param(now), hash, DbTime.param(now))
                .update();
        return used == 1
                ? jdbc.sql("SELECT " + column + " FROM " + table + " WHERE token_hash = ?")
                        .param(hash)
                        .query(type)
                        .optional()
                : Optional.empty();
    }
}
