package org.goalpost.payment;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.health.InvariantCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the reconciler could not handle, parked so that it never blocks the rest (Kill Bill's
 * janitor): an event or a pending donation that threw, with its error. A parked item is tried again
 * on later runs, after a delay that doubles with each failure (1 min, 2 min, 4 min... at most a
 * day); the reconciler's checkpoint moves past it. Admins see the parked items (API and
 * dashboard), and may try one again now or dismiss it. Counted in {@code goalpost.reconciler.parked}
 * and in the invariants health ({@code no-parked-reconciler-items}).
 */
@Component
public class ParkedItems implements InvariantCheck {

    static final Duration FIRST_DELAY = Duration.ofMinutes(1);
    static final Duration LONGEST_DELAY = Duration.ofDays(1);

    /** What was parked: a gateway event (by its id) or a pending donation (by its public id). */
    public enum Kind {
        EVENT,
        PENDING
    }

    /**
     * {@code PARKED}: tried again on later runs; {@code RESOLVED}: handled since; {@code DISMISSED}: an admin
     * gave it up.
     */
    public enum State {
        PARKED,
        RESOLVED,
        DISMISSED
    }

    /** One parked item, as admins see it. */
    public record Item(
            String key,
            Kind kind,
            String ref,
            String label,
            boolean livemode,
            String error,
            int attempts,
            Instant firstFailedAt,
            Instant lastFailedAt,
            Instant nextAttemptAt,
            State state,
            Instant closedAt,
            String closedBy) {}

    private static final String COLUMNS =
            "item_key, kind, ref, label, livemode, error, attempts, first_failed_at, last_failed_at, "
                    + "next_attempt_at, state, closed_at, closed_by";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AtomicLong parkedNow = new AtomicLong();

    ParkedItems(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("goalpost.reconciler.parked", parkedNow, AtomicLong::get)
                .description("items the reconciler parked and tries again (events, pending donations)")
                .register(meters);
    }

    static String key(Kind kind, String ref) {
        return kind.name().toLowerCase() + ":" + ref;
    }

    /**
     * Parks an item that failed (again): its error, one more attempt, the next try after a doubled delay. A
     * dismissed item stays dismissed.
     */
    Item park(Kind kind, String ref, String label, boolean livemode, Throwable error) {
        Instant now = clock.instant();
        String key = key(kind, ref);
        String message = describe(error);
        Optional<Item> earlier = find(key);
        int attempts = earlier.map(Item::attempts).orElse(0) + 1;
        Instant next = now.plus(delayAfter(attempts));
        if (earlier.isEmpty()) {
            jdbc.sql("INSERT INTO reconcile_parked (" + COLUMNS
                            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PARKED', NULL, NULL)")
                    .params(
                            key,
                            kind.name(),
                            ref,
                            clip(label, 200),
                            livemode,
                            message,
                            attempts,
                            DbTime.param(now),
                            DbTime.param(now),
                            DbTime.param(next))
                    .update();
        } else {
            jdbc.sql("UPDATE reconcile_parked SET error = ?, attempts = ?, last_failed_at = ?, "
                            + "next_attempt_at = ?, "
                            + "state = CASE WHEN state = 'DISMISSED' THEN state ELSE 'PARKED' END, "
                            + "closed_at = CASE WHEN state = 'DISMISSED' THEN closed_at ELSE NULL END "
                            + "WHERE item_key = ?")
                    .params(message, attempts, DbTime.param(now), DbTime.param(next), key)
                    .update();
        }
        refreshGauge();
        return find(key).orElseThrow();
    }

    /** 1 min after the first failure, doubling with each one, at most a day. */
    static Duration delayAfter(int attempts) {
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay;
    }

    /** The item was handled since (a later try, or its event came through the webhook). */
    void resolved(String key) {
        jdbc.sql("UPDATE reconcile_parked SET state = 'RESOLVED', closed_at = ?, closed_by = "
                        + "'reconciler' WHERE item_key = ? AND state = 'PARKED'")
                .params(DbTime.param(clock.instant()), key)
                .update();
        refreshGauge();
    }

    /** Parked items whose next try is due, oldest failure first. */
    List<Item> due(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reconcile_parked WHERE state = 'PARKED' AND next_attempt_at <= ? "
                        + "ORDER BY first_failed_at LIMIT " + limit)
                .param(DbTime.param(clock.instant()))
                .query(ParkedItems::row)
                .list();
    }

    /** The keys of every item parked or dismissed: the reconciler's listing leaves them to their own tries. */
    Set<String> heldKeys() {
        return new HashSet<>(jdbc.sql("SELECT item_key FROM reconcile_parked WHERE state IN ('PARKED', 'DISMISSED')")
                .query(String.class)
                .list());
    }

    public Optional<Item> find(String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reconcile_parked WHERE item_key = ?")
                .param(key)
                .query(ParkedItems::row)
                .optional();
    }

    /** Every parked item (waiting for its next try), oldest first; then the dismissed ones. */
    public List<Item> open() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM reconcile_parked WHERE state IN ('PARKED', 'DISMISSED') "
                        + "ORDER BY CASE WHEN state = 'PARKED' THEN 0 ELSE 1 END, first_failed_at")
                .query(ParkedItems::row)
                .list();
    }

    public long parkedCount() {
        long count = jdbc.sql("SELECT COUNT(*) FROM reconcile_parked WHERE state = 'PARKED'")
                .query(Long.class)
                .single();
        parkedNow.set(count);
        return count;
    }

    /** An admin gives the item up: it is no longer tried, nor counted as a broken invariant. */
    public boolean dismiss(String key, String actor) {
        int changed = jdbc.sql("UPDATE reconcile_parked SET state = 'DISMISSED', closed_at = ?, closed_by = ? WHERE "
                        + "item_key = ? "
                        + "AND state = 'PARKED'")
                .params(DbTime.param(clock.instant()), clip(actor, 254), key)
                .update();
        refreshGauge();
        return changed == 1;
    }

    @Override
    public List<Outcome> check() {
        return List.of(new Outcome(
                "no-parked-reconciler-items",
                "events or pending donations the reconciler could not handle and tries again (see "
                        + "/api/staff/reconciler/parked)",
                parkedCount()));
    }

    private void refreshGauge() {
        parkedCount();
    }

    private static String describe(Throwable error) {
        String text = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        Throwable cause = error.getCause();
        if (cause != null && cause != error && cause.getMessage() != null) {
            text += " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
        }
        return clip(text, 1000);
    }

    private static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    private static Item row(ResultSet rs, int n) throws SQLException {
        return new Item(
                rs.getString("item_key"),
                Kind.valueOf(rs.getString("kind")),
                rs.getString("ref"),
                rs.getString("label"),
                rs.getBoolean("livemode"),
                rs.getString("error"),
                rs.getInt("attempts"),
                DbTime.read(rs, "first_failed_at"),
                DbTime.read(rs, "last_failed_at"),
                DbTime.read(rs, "next_attempt_at"),
                State.valueOf(rs.getString("state")),
                DbTime.read(rs, "closed_at"),
                rs.getString("closed_by"));
    }
}
