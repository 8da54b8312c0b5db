package org.goalpost.payment;

import java.time.Instant;
import java.util.List;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.db.DuplicateKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The inbox of gateway events: each event id once, written in the transaction that applies the event. */
@Repository
public class Inbox {

    /** What applying an event did. */
    public enum Outcome {
        /** The event moved money or changed a donation. */
        APPLIED,
        /**
         * The event was recorded but means nothing for us (an unknown type, or a payment not made through
         * Goalpost).
         */
        NO_EFFECT
    }

    /** An inbox row, for a donation's timeline. */
    public record Entry(
            String eventId,
            String type,
            boolean livemode,
            Instant created,
            Instant receivedAt,
            String receivedBy,
            String outcome,
            String summary) {}

    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean contains(String eventId) {
        return jdbc.sql("SELECT COUNT(*) FROM inbox_event WHERE event_id = ?")
                        .param(eventId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Records the event; false when it is already there (then nothing else may be written for it). */
    boolean record(IncomingEvent event, String receivedBy, Instant now) {
        return DuplicateKeys.insertUnlessPresent(
                () -> jdbc.sql("INSERT INTO inbox_event (event_id, event_type, livemode, created_at, received_at, "
                                + "received_by, outcome) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .params(
                                event.id(),
                                event.type(),
                                event.livemode(),
                                DbTime.param(event.created()),
                                DbTime.param(now),
                                receivedBy,
                                Outcome.NO_EFFECT.name())
                        .update());
    }

    void outcome(String eventId, Outcome outcome, Long donationId, String summary) {
        jdbc.sql("UPDATE inbox_event SET outcome = ?, donation_id = ?, summary = ? WHERE event_id = ?")
                .params(outcome.name(), donationId, summary == null ? null : truncate(summary), eventId)
                .update();
    }

    /** The events behind a donation, oldest first. */
    public List<Entry> ofDonation(long donationId) {
        return jdbc.sql("SELECT event_id, event_type, livemode, created_at, received_at, received_by, outcome, summary "
                        + "FROM inbox_event WHERE donation_id = ? ORDER BY created_at, received_at")
                .param(donationId)
                .query((rs, n) -> new Entry(
                        rs.getString("event_id"),
                        rs.getString("event_type"),
                        rs.getBoolean("livemode"),
                        DbTime.read(rs, "created_at"),
                        DbTime.read(rs, "received_at"),
                        rs.getString("received_by"),
                        rs.getString("outcome"),
                        rs.getString("summary")))
                .list();
    }

    private static String truncate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }
}
