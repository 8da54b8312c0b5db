package org.goalpost.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.goalpost.shared.db.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends to the audit log; the actor and the client's address come from the current request when
 * not given. Nothing here updates or deletes a row.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an action of the signed-in staff member (or API token) of the current request. */
    public void record(String action, String target, String details) {
        record(currentActor(), action, target, details);
    }

    public void record(String actor, String action, String target, String details) {
        jdbc.sql("INSERT INTO audit_event (occurred_at, actor, ip, action, target, details) VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        DbTime.param(clock.instant()),
                        cut(actor == null ? "anonymous" : actor, 254),
                        currentIp(),
                        cut(action, 64),
                        cut(target, 255),
                        cut(details, 4000))
                .update();
    }

    /** The newest events first, filtered by actor, action and time; {@code before} pages back by id. */
    public List<AuditEvent> search(String actor, String action, Instant from, Instant to, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder(
                "SELECT id, occurred_at, actor, ip, action, target, details FROM audit_event WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (actor != null && !actor.isBlank()) {
            sql.append(" AND actor = ?");
            params.add(actor.strip());
        }
        if (action != null && !action.isBlank()) {
            sql.append(" AND action = ?");
            params.add(action.strip());
        }
        if (from != null) {
            sql.append(" AND occurred_at >= ?");
            params.add(DbTime.param(from));
        }
        if (to != null) {
            sql.append(" AND occurred_at < ?");
            params.add(DbTime.param(to));
        }
        if (beforeId != null) {
            sql.append(" AND id < ?");
            params.add(beforeId);
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(Math.max(1, Math.min(limit, 500)));
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new AuditEvent(
                        rs.getLong("id"),
                        DbTime.read(rs, "occurred_at"),
                        rs.getString("actor"),
                        rs.getString("ip"),
                        rs.getString("action"),
                        rs.getString("target"),
                        rs.getString("details")))
                .list();
    }

    public static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? "anonymous" : authentication.getName();
    }

    static String currentIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
