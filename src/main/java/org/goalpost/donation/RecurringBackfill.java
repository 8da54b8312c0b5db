package org.goalpost.donation;

import java.time.Instant;
import java.util.List;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.db.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At start, before the service is ready: recurring donations that commit money but have no row in the
 * recurring revenue log (they were recorded before the log existed) get their opening row, dated when
 * their subscription was last reported (or the donation last changed). Idempotent, and safe with
 * several instances starting at once (each row is written with the donation's row locked).
 */
@Component
class RecurringBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RecurringBackfill.class);
    private static final int BATCH = 1_000;

    private final JdbcClient jdbc;
    private final RecurringMovements movements;
    private final Transactions transactions;

    RecurringBackfill(JdbcClient jdbc, RecurringMovements movements, Transactions transactions) {
        this.jdbc = jdbc;
        this.movements = movements;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        long done = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Opening> batch = jdbc.sql(
                            "SELECT id, COALESCE(subscription_state_at, updated_at) AS at FROM donation d "
                                    + "WHERE d.id > ? AND d.donation_interval IN ('MONTH', 'YEAR') AND "
                                    + DonationRepository.COMMITTED_YEARLY_UNITS
                                    + " > 0 AND NOT EXISTS (SELECT 1 FROM recurring_movement m "
                                    + "WHERE m.donation_id = d.id) "
                                    + "ORDER BY id LIMIT " + BATCH)
                    .param(from)
                    .query((rs, n) -> new Opening(rs.getLong("id"), DbTime.read(rs, "at")))
                    .list();
            if (batch.isEmpty()) {
                break;
            }
            transactions.inTransaction(() -> batch.forEach(o -> movements.record(o.donationId(), o.at())));
            done += batch.size();
            after = batch.get(batch.size() - 1).donationId();
        }
        if (done > 0) {
            log.info("Recurring revenue log: {} recurring donation(s) recorded before it got their opening row", done);
        }
    }

    private record Opening(long donationId, Instant at) {}
}
