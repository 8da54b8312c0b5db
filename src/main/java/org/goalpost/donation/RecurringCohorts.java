package org.goalpost.donation;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cohorts of recurring donors: each recurring donation belongs to the month it started (its NEW row in the recurring
 * revenue log). Kept per cohort and month in the transactions that write the log and the ledger, with the donation's
 * row locked (so that a payment and the start of its donation, in two transactions, count the money once): how many
 * started, how many a month's churns took away and its reactivations brought back (a pause keeps a donor), and the
 * money the cohort brought (its lifetime value). An invariant recomputes both from the log and the ledger.
 */
@Component
class RecurringCohorts {

    private final JdbcClient jdbc;

    RecurringCohorts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A movement was written for {@code donation} (locked) in {@code month}: a start adds a donor to its cohort, with
     * the money its donation brought so far; a churn takes one away, a reactivation brings one back.
     */
    void moved(Donation donation, RecurringMovements.Kind kind, YearMonth month) {
        String cohort = kind == RecurringMovements.Kind.NEW ? month.toString() : cohortOf(donation.id());
        long delta = switch (kind) {
            case NEW, REACTIVATION -> 1;
            case CHURN -> -1;
            default -> 0;
        };
        if (cohort == null || delta == 0) {
            return;
        }
        long started = kind == RecurringMovements.Kind.NEW ? 1 : 0;
        jdbc.sql("INSERT INTO recurring_cohort (campaign_id, livemode, cohort_month, month_key, started, "
                        + "retained_delta) VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE started = started + ?, "
                        + "retained_delta = retained_delta + ?")
                .params(
                        donation.campaignId(),
                        donation.livemode(),
                        cohort,
                        month.toString(),
                        started,
                        delta,
                        started,
                        delta)
                .update();
        if (kind == RecurringMovements.Kind.NEW) {
            long brought = jdbc.sql("SELECT COALESCE(SUM(amount_minor), 0) FROM ledger_entry WHERE donation_id = ?")
                    .param(donation.id())
                    .query(Long.class)
                    .single();
            addValue(donation, cohort, brought);
        }
    }

    /** Money was recorded for a recurring donation (locked): it adds to its cohort's value once it started. */
    void recorded(Donation donation, long amountMinor) {
        String cohort = cohortOf(donation.id());
        if (cohort != null && amountMinor != 0) {
            addValue(donation, cohort, amountMinor);
        }
    }

    /**
     * The newest {@code count} cohorts of some campaigns ({@code campaignIds}: their ids, an SQL list of numbers), each
     * with its donors retained at the end of each month since, the campaigns' cohorts of one month summed.
     */
    List<RecurringRevenue.Cohort> of(String campaignIds, boolean livemode, YearMonth now, int count) {
        Map<String, Map<String, long[]>> rows = new TreeMap<>();
        jdbc.sql("SELECT cohort_month, month_key, started, retained_delta FROM recurring_cohort WHERE campaign_id IN ("
                        + campaignIds + ") AND livemode = ?")
                .param(livemode)
                .query(rs -> {
                    rows.computeIfAbsent(rs.getString("cohort_month"), c -> new TreeMap<>())
                            .merge(
                                    rs.getString("month_key"),
                                    new long[] {rs.getLong("started"), rs.getLong("retained_delta")},
                                    (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
                });
        Map<String, Long> values = new TreeMap<>();
        jdbc.sql("SELECT cohort_month, value_minor FROM recurring_cohort_value WHERE campaign_id IN (" + campaignIds
                        + ") AND livemode = ?")
                .param(livemode)
                .query(rs -> {
                    values.merge(rs.getString("cohort_month"), rs.getLong("value_minor"), Long::sum);
                });
        List<RecurringRevenue.Cohort> cohorts = new ArrayList<>();
        for (Map.Entry<String, Map<String, long[]>> entry : rows.entrySet()) {
            YearMonth month = YearMonth.parse(entry.getKey());
            long donors = 0;
            for (long[] sums : entry.getValue().values()) {
                donors += sums[0];
            }
            List<Long> retained = new ArrayList<>();
            long running = 0;
            for (YearMonth at = month; !at.isAfter(now); at = at.plusMonths(1)) {
                long[] sums = entry.getValue().get(at.toString());
                running += sums == null ? 0 : sums[1];
                retained.add(running);
            }
            cohorts.add(new RecurringRevenue.Cohort(month, donors, retained, values.getOrDefault(entry.getKey(), 0L)));
        }
        List<RecurringRevenue.Cohort> newest = new ArrayList<>(cohorts);
        java.util.Collections.reverse(newest);
        return newest.size() > count ? newest.subList(0, count) : newest;
    }

    private String cohortOf(long donationId) {
        return jdbc.sql("SELECT month_key FROM recurring_movement WHERE donation_id = ? AND kind = 'NEW'")
                .param(donationId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private void addValue(Donation donation, String cohort, long amountMinor) {
        jdbc.sql("INSERT INTO recurring_cohort_value (campaign_id, livemode, cohort_month, value_minor) VALUES (?, ?, "
                        + "?, ?) ON DUPLICATE KEY UPDATE value_minor = value_minor + ?")
                .params(donation.campaignId(), donation.livemode(), cohort, amountMinor, amountMinor)
                .update();
    }
}
