package org.goalpost.donation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.health.InvariantCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What must always hold of the ledger and the donations: kept totals equal the ledger's sums, one
 * row per money movement, no row without its campaign or donation, the recurring revenue log adding up
 * to every recurring donation's commitment, and no donation left pending past its checkout's 24 h
 * (plus an hour for the reconciler to settle it).
 */
@Component
class LedgerInvariants implements InvariantCheck {

    static final Duration PENDING_LIMIT = Duration.ofHours(25);

    /** Kept monthly recurring figures that differ from the log's sums, or are missing. */
    private static final String KEPT_MONTHS_DIFFER = "SELECT COUNT(*) FROM (SELECT campaign_id, livemode, month_key, "
            + "kind, SUM(to_units - from_units) AS units, COUNT(*) AS movements FROM recurring_movement "
            + "GROUP BY campaign_id, livemode, month_key, kind) m LEFT JOIN recurring_month k ON "
            + "k.campaign_id = m.campaign_id AND k.livemode = m.livemode AND k.month_key = m.month_key "
            + "AND k.kind = m.kind WHERE k.units IS NULL OR k.units <> m.units OR k.movements <> m.movements";

    /** Kept monthly recurring figures with no row of the log behind them. */
    private static final String KEPT_MONTHS_WITHOUT_ROWS = "SELECT COUNT(*) FROM recurring_month k WHERE NOT EXISTS "
            + "(SELECT 1 FROM recurring_movement m WHERE m.campaign_id = k.campaign_id AND m.livemode = k.livemode "
            + "AND m.month_key = k.month_key AND m.kind = k.kind)";

    private final JdbcClient jdbc;
    private final LedgerCheck totals;
    private final Clock clock;

    LedgerInvariants(JdbcClient jdbc, LedgerCheck totals, Clock clock) {
        this.jdbc = jdbc;
        this.totals = totals;
        this.clock = clock;
    }

    @Override
    public List<Outcome> check() {
        return List.of(
                new Outcome(
                        "totals-match-ledger",
                        "kept totals per campaign, period and mode that differ from the ledger's sums",
                        totals.run().discrepancies().size()),
                new Outcome(
                        "one-row-per-money-movement",
                        "money movements (kind and gateway id) recorded more than once",
                        count("SELECT COUNT(*) FROM (SELECT kind, source_ref FROM ledger_entry GROUP BY "
                                + "kind, source_ref "
                                + "HAVING COUNT(*) > 1) repeated")),
                new Outcome(
                        "no-orphan-rows",
                        "ledger rows whose campaign or donation does not exist",
                        count("SELECT COUNT(*) FROM ledger_entry l WHERE NOT EXISTS (SELECT 1 FROM campaign "
                                + "c WHERE c.id = l.campaign_id) "
                                + "OR (l.donation_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
                                + "donation d WHERE d.id = l.donation_id))")),
                new Outcome(
                        "recurring-movements-match-donations",
                        "recurring donations whose logged movements do not add up to what they commit now (so "
                                + "committed monthly and yearly would differ from the recurring view)",
                        count("SELECT COUNT(*) FROM donation d WHERE d.donation_interval IN ('MONTH', 'YEAR') AND "
                                + DonationRepository.COMMITTED_YEARLY_UNITS
                                + " <> COALESCE((SELECT SUM(m.to_units - m.from_units) FROM recurring_movement m "
                                + "WHERE m.donation_id = d.id), 0)")),
                new Outcome(
                        "recurring-months-match-movements",
                        "kept monthly recurring figures (campaign, mode, month, kind) that differ from the sums of "
                                + "the recurring revenue log",
                        count(KEPT_MONTHS_DIFFER) + count(KEPT_MONTHS_WITHOUT_ROWS)),
                new Outcome(
                        "no-donation-pending-over-24h",
                        "donations still pending " + PENDING_LIMIT.toHours() + " h after they were opened",
                        jdbc.sql("SELECT COUNT(*) FROM donation WHERE status = 'PENDING' AND created_at < ?")
                                .param(DbTime.param(clock.instant().minus(PENDING_LIMIT)))
                                .query(Long.class)
                                .single()));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
