package org.goalpost.donation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Recomputes every period's totals from the ledger and compares them with the kept totals.
 * Any difference is a bug or a hand edit; the report names each one.
 */
@Service
public class LedgerCheck {

    private static final Logger log = LoggerFactory.getLogger(LedgerCheck.class);

    private static final String GIFT = "kind IN (" + LedgerKind.sqlList(LedgerKind.Figure.GROSS) + ")";
    private static final String RECOMPUTE = "SELECT campaign_id, period_key, livemode, "
            + "SUM(amount_minor) AS raised, "
            + "SUM(CASE WHEN " + GIFT + " THEN amount_minor ELSE 0 END) AS gross, "
            + "-SUM(CASE WHEN kind IN (" + LedgerKind.sqlList(LedgerKind.Figure.REFUNDED)
            + ") THEN amount_minor ELSE 0 END) AS refunded, "
            + "-SUM(CASE WHEN kind IN (" + LedgerKind.sqlList(LedgerKind.Figure.DISPUTED)
            + ") THEN amount_minor ELSE 0 END) AS disputed, "
            + "SUM(CASE WHEN kind IN (" + LedgerKind.sqlList(LedgerKind.Figure.ADJUSTED)
            + ") THEN amount_minor ELSE 0 END) AS adjusted, "
            + "SUM(fee_minor) AS fees, "
            + "SUM(CASE WHEN " + GIFT + " THEN 1 ELSE 0 END) AS donations, "
            + "COUNT(DISTINCT CASE WHEN " + GIFT + " THEN donor_ref END) AS donors "
            + "FROM ledger_entry GROUP BY campaign_id, period_key, livemode";

    private final JdbcClient jdbc;
    private final TotalsRepository totals;
    private final Clock clock;

    LedgerCheck(JdbcClient jdbc, TotalsRepository totals, Clock clock) {
        this.jdbc = jdbc;
        this.totals = totals;
        this.clock = clock;
    }

    /** Where one period's kept totals and the ledger disagree. */
    public record Discrepancy(
            long campaignId,
            String period,
            boolean livemode,
            PeriodTotals.Figures kept,
            PeriodTotals.Figures recomputed) {}

    /** The outcome of a check: consistent when no period differs. */
    public record Report(Instant checkedAt, int periodsChecked, boolean consistent, List<Discrepancy> discrepancies) {

        static Report of(Instant checkedAt, int periodsChecked, List<Discrepancy> discrepancies) {
            return new Report(checkedAt, periodsChecked, discrepancies.isEmpty(), List.copyOf(discrepancies));
        }
    }

    private record Key(long campaignId, String period, boolean livemode) implements Comparable<Key> {

        @Override
        public int compareTo(Key other) {
            int byCampaign = Long.compare(campaignId, other.campaignId);
            if (byCampaign != 0) {
                return byCampaign;
            }
            int byPeriod = period.compareTo(other.period);
            return byPeriod != 0 ? byPeriod : Boolean.compare(livemode, other.livemode);
        }
    }

    /** Recomputes all totals from the ledger and lists every period where they differ from the kept ones. */
    public Report run() {
        Map<Key, PeriodTotals.Figures> recomputed = new HashMap<>();
        jdbc.sql(RECOMPUTE)
                .query((rs, n) -> {
                    recomputed.put(
                            new Key(rs.getLong("campaign_id"), rs.getString("period_key"), rs.getBoolean("livemode")),
                            new PeriodTotals.Figures(
                                    rs.getLong("raised"),
                                    rs.getLong("gross"),
                                    rs.getLong("refunded"),
                                    rs.getLong("disputed"),
                                    rs.getLong("adjusted"),
                                    rs.getLong("fees"),
                                    rs.getLong("donations"),
                                    rs.getLong("donors")));
                    return null;
                })
                .list();
        Map<Key, PeriodTotals.Figures> kept = new HashMap<>();
        for (PeriodTotals row : totals.all()) {
            kept.put(new Key(row.campaignId(), row.period().value(), row.livemode()), row.figures());
        }
        TreeSet<Key> keys = new TreeSet<>(recomputed.keySet());
        keys.addAll(kept.keySet());
        List<Discrepancy> discrepancies = new ArrayList<>();
        for (Key key : keys) {
            PeriodTotals.Figures stored = kept.getOrDefault(key, PeriodTotals.Figures.ZERO);
            PeriodTotals.Figures fromLedger = recomputed.getOrDefault(key, PeriodTotals.Figures.ZERO);
            if (!stored.equals(fromLedger)) {
                discrepancies.add(new Discrepancy(key.campaignId(), key.period(), key.livemode(), stored, fromLedger));
            }
        }
        Report report = Report.of(clock.instant(), keys.size(), discrepancies);
        if (!report.consistent()) {
            log.error(
                    "Ledger check: {} of {} periods differ from the ledger: {}",
                    discrepancies.size(),
                    keys.size(),
                    discrepancies);
        }
        return report;
    }
}
