package org.goalpost.receipt;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.db.DuplicateKeys;
import org.goalpost.shared.money.Currencies;
import org.goalpost.shared.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The mail outbox table. A row is claimed before it is sent (a conditional update that only one
 * instance wins), so that several instances working the outbox send each mail once.
 */
@Repository
class Outbox {

    /** One email to send. */
    record Mail(
            long id,
            MailKind kind,
            String sourceRef,
            long donationId,
            String recipient,
            Money amount,
            Instant occurredAt,
            int attempts) {}

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        // the mails not sent yet (and not given up): read when scraped, one count on an indexed column
        Gauge.builder("goalpost.mail.outbox.pending", this, Outbox::pending)
                .description("donor emails written and not sent yet")
                .register(meters);
    }

    long pending() {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE sent_at IS NULL AND gave_up_at IS NULL")
                .query(Long.class)
                .single();
    }

    /** Adds a mail unless one of this kind for this Stripe object exists; answers whether it was added. */
    boolean add(
            MailKind kind,
            String sourceRef,
            long donationId,
            String recipient,
            Money amount,
            Instant occurredAt,
            Instant now) {
        return DuplicateKeys.insertUnlessPresent(() -> jdbc.sql("""
                INSERT INTO mail_outbox (kind, source_ref, donation_id, recipient, amount_minor, currency,
                occurred_at, created_at,
                                         attempts, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""")
                .params(
                        kind.name(),
                        sourceRef,
                        donationId,
                        recipient,
                        amount.minor(),
                        amount.currency().getCurrencyCode(),
                        DbTime.param(occurredAt),
                        DbTime.param(now),
                        DbTime.param(now))
                .update());
    }

    /** Whether a mail of this kind for this object was written (sent or not). */
    boolean has(MailKind kind, String sourceRef) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE kind = ? AND source_ref = ?")
                        .params(kind.name(), sourceRef)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Ids of mails due now, oldest first. */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM mail_outbox WHERE sent_at IS NULL AND gave_up_at IS NULL AND "
                        + "next_attempt_at <= ? "
                        + "ORDER BY next_attempt_at, id LIMIT ?")
                .params(DbTime.param(now), limit)
                .query(Long.class)
                .list();
    }

    /** Takes a due mail for {@code lease}: true for the one caller that got it. */
    boolean claim(long id, Instant now, Instant leaseUntil) {
        return jdbc.sql("UPDATE mail_outbox SET attempts = attempts + 1, next_attempt_at = ? "
                                + "WHERE id = ? AND sent_at IS NULL AND gave_up_at IS NULL AND next_attempt_at <= ?")
                        .params(DbTime.param(leaseUntil), id, DbTime.param(now))
                        .update()
                == 1;
    }

    Mail load(long id) {
        return jdbc.sql("SELECT * FROM mail_outbox WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Mail(
                        rs.getLong("id"),
                        MailKind.valueOf(rs.getString("kind")),
                        rs.getString("source_ref"),
                        rs.getLong("donation_id"),
                        rs.getString("recipient"),
                        Money.of(rs.getLong("amount_minor"), Currencies.parse(rs.getString("currency"))),
                        DbTime.read(rs, "occurred_at"),
                        rs.getInt("attempts")))
                .single();
    }

    void sent(long id, Instant at) {
        jdbc.sql("UPDATE mail_outbox SET sent_at = ?, last_error = NULL WHERE id = ?")
                .params(DbTime.param(at), id)
                .update();
    }

    void failed(long id, String error, Instant nextAttempt, boolean giveUp, Instant now) {
        jdbc.sql("UPDATE mail_outbox SET last_error = ?, next_attempt_at = ?, gave_up_at = ? WHERE id = ?")
                .params(
                        error.length() > 500 ? error.substring(0, 500) : error,
                        DbTime.param(nextAttempt),
                        giveUp ? DbTime.param(now) : null,
                        id)
                .update();
    }
}
