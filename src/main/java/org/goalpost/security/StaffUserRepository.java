package org.goalpost.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.goalpost.shared.db.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StaffUserRepository {

    private static final String COLUMNS =
            "id, email, display_name, role, enabled, locked_until, last_login_at, created_at";

    /** What login needs: the hash, whether the account may log in now, and the stamp sessions carry. */
    record Credentials(
            long id,
            String email,
            String passwordHash,
            StaffRole role,
            boolean enabled,
            Instant lockedUntil,
            String securityStamp,
            int failedLogins) {}

    private final JdbcClient jdbc;

    StaffUserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Credentials> credentials(String email) {
        return jdbc.sql("SELECT id, email, password_hash, role, enabled, locked_until, security_stamp, "
                        + "failed_logins FROM staff_user "
                        + "WHERE email = ?")
                .param(email)
                .query((rs, n) -> new Credentials(
                        rs.getLong("id"),
                        rs.getString("email"),
                        rs.getString("password_hash"),
                        StaffRole.valueOf(rs.getString("role")),
                        rs.getBoolean("enabled"),
                        DbTime.read(rs, "locked_until"),
                        rs.getString("security_stamp"),
                        rs.getInt("failed_logins")))
                .optional();
    }

    Optional<String> securityStamp(String email) {
        return jdbc.sql("SELECT security_stamp FROM staff_user WHERE email = ? AND enabled = TRUE")
                .param(email)
                .query(String.class)
                .optional();
    }

    Optional<StaffUser> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff_user WHERE id = ?")
                .param(id)
                .query(StaffUserRepository::row)
                .optional();
    }

    List<StaffUser> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff_user ORDER BY email")
                .query(StaffUserRepository::row)
                .list();
    }

    boolean anyAdmin() {
        return jdbc.sql("SELECT COUNT(*) FROM staff_user WHERE role = 'ADMIN' AND enabled = TRUE")
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * The enabled admins, their rows locked until the caller's transaction ends: two concurrent
     * demotions take turns, and the second sees what the first did.
     */
    long lockEnabledAdmins() {
        return jdbc.sql("SELECT id FROM staff_user WHERE role = 'ADMIN' AND enabled = TRUE FOR UPDATE")
                .query(Long.class)
                .list()
                .size();
    }

    void insert(String email, String displayName, String hash, StaffRole role, String stamp, Instant now) {
        jdbc.sql("INSERT INTO staff_user (email, display_name, password_hash, role, enabled, "
                        + "security_stamp, failed_logins, created_at, "
                        + "updated_at) VALUES (?, ?, ?, ?, TRUE, ?, 0, ?, ?)")
                .params(email, displayName, hash, role.name(), stamp, DbTime.param(now), DbTime.param(now))
                .update();
    }

    void update(long id, String displayName, StaffRole role, boolean enabled, String stamp, Instant now) {
        jdbc.sql("UPDATE staff_user SET display_name = ?, role = ?, enabled = ?, security_stamp = ?, "
                        + "updated_at = ? WHERE id = ?")
                .params(displayName, role.name(), enabled, stamp, DbTime.param(now), id)
                .update();
    }

    void password(long id, String hash, String stamp, Instant now) {
        jdbc.sql("UPDATE staff_user SET password_hash = ?, security_stamp = ?, failed_logins = 0, "
                        + "locked_until = NULL, updated_at = ? "
                        + "WHERE id = ?")
                .params(hash, stamp, DbTime.param(now), id)
                .update();
    }

    private static StaffUser row(ResultSet rs, int n) throws SQLException {
        return new StaffUser(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("display_name"),
                StaffRole.valueOf(rs.getString("role")),
                rs.getBoolean("enabled"),
                DbTime.read(rs, "locked_until"),
                DbTime.read(rs, "last_login_at"),
                DbTime.read(rs, "created_at"));
    }
}
