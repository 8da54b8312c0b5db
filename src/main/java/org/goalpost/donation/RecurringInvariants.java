package org.goalpost.donation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.goalpost.shared.health.InvariantCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What must hold of recurring revenue: each campaign's monthly recurring revenue (kept, what the bar of a recurring
 * goal and the recurring view show) equals the sum of its active, not paused recurring amounts; each donation's
 * movements follow on from one another (each starts where the last one ended); and every movement is of the kind
 * its change says, one check per kind (a new commitment is a donation's first row, a resumption follows a pause, a
 * reactivation follows anything else, an expansion grows, a contraction shrinks, a churn or a pause ends at 0);
 * and the pledged figures (first-year value) equal what the ledger and the first-payment marks say.
 */
@Component
class RecurringInvariants implements InvariantCheck {

    /** The kind of the movement before {@code m} of the same donation, or null for its first. */
    private static final String PREVIOUS_KIND = "(SELECT p.kind FROM recurring_movement p WHERE p.donation_id = "
            + "m.donation_id AND p.id < m.id ORDER BY p.id DESC LIMIT 1)";

    /** Kept recurring revenue per campaign and mode that differs from what the donations commit now. */
    private static final String KEPT_DIFFERS_FROM_DONATIONS = "SELECT COUNT(*) FROM (SELECT campaign_id, livemode, "
            + "SUM(" + DonationRepository.COMMITTED_YEARLY_UNITS + ") AS units FROM donation WHERE donation_interval "
            + "IN ('MONTH', 'YEAR') GROUP BY campaign_id, livemode) d WHERE d.units <> COALESCE((SELECT SUM(k.units) "
            + "FROM recurring_month k WHERE k.campaign_id = d.campaign_id AND k.livemode = d.livemode), 0)";

    /** Kept recurring revenue for a campaign and mode without any recurring donation. */
    private static final String KEPT_WITHOUT_DONATIONS = "SELECT COUNT(*) FROM (SELECT campaign_id, livemode, "
            + "SUM(units) AS units FROM recurring_month GROUP BY campaign_id, livemode) k WHERE k.units <> 0 AND "
            + "NOT EXISTS (SELECT 1 FROM donation d WHERE d.campaign_id = k.campaign_id AND d.livemode = k.livemode "
            + "AND d.donation_interval IN ('MONTH', 'YEAR'))";

    /**
     * Kept pledged figures (campaign, period, mode) that differ from the ledger and the first-payment marks; a period
     * without a kept row has none (only later instalments landed in it: nothing pledged).
     */
    private static final String KEPT_PLEDGED_DIFFERS = "SELECT COUNT(*) FROM (SELECT l.campaign_id, l.period_key, "
            + "l.livemode, SUM(CASE WHEN d.id IS NULL OR d.donation_interval = 'ONCE' THEN l.amount_minor ELSE 0 END) "
            + "AS once_minor FROM ledger_entry l LEFT JOIN donation d ON d.id = l.donation_id GROUP BY l.campaign_id, "
            + "l.period_key, l.livemode) r LEFT JOIN campaign_pledged k ON k.campaign_id = r.campaign_id AND "
            + "k.period_key = r.period_key AND k.livemode = r.livemode WHERE COALESCE(k.once_minor, 0) <> r.once_minor "
            + "OR COALESCE(k.first_year_minor, 0) <> COALESCE((SELECT SUM(f.first_year_minor) FROM pledge_first f "
            + "WHERE f.campaign_id = r.campaign_id AND f.period_key = r.period_key AND f.livemode = r.livemode), 0)";

    /**
     * First-payment marks that name no payment of their donation in their period, or a first-year value that is not
     * 12 times (monthly) or once (yearly) that payment (found through the ledger's unique key, not a scan).
     */
    private static final String FIRST_PAYMENT_MISMARKED = "SELECT COUNT(*) FROM pledge_first f JOIN donation d ON "
            + "d.id = f.donation_id LEFT JOIN ledger_entry l ON l.kind = 'PAYMENT' AND l.source_ref = f.source_ref "
            + "AND l.donation_id = f.donation_id AND l.period_key = f.period_key WHERE l.id IS NULL OR "
            + "f.first_year_minor <> CASE d.donation_interval WHEN 'MONTH' THEN 12 * l.amount_minor ELSE "
            + "l.amount_minor END";

    /** Recurring donations with a payment and no first-payment mark. */
    private static final String FIRST_PAYMENT_UNMARKED = "SELECT COUNT(*) FROM (SELECT DISTINCT l.donation_id FROM "
            + "ledger_entry l JOIN donation d ON d.id = l.donation_id WHERE l.kind = 'PAYMENT' AND d.donation_interval "
            + "IN ('MONTH', 'YEAR')) p LEFT JOIN pledge_first f ON f.donation_id = p.donation_id WHERE f.donation_id "
            + "IS NULL";

    /** Each cohort's starts, churns and reactivations per month, from the recurring revenue log. */
    private static final String COHORTS_FROM_LOG = "SELECT m.campaign_id, m.livemode, n.month_key AS cohort_month, "
            + "m.month_key, SUM(CASE WHEN m.kind = 'NEW' THEN 1 ELSE 0 END) AS started, SUM(CASE m.kind WHEN 'NEW' "
            + "THEN 1 WHEN 'REACTIVATION' THEN 1 WHEN 'CHURN' THEN -1 ELSE 0 END) AS delta FROM recurring_movement m "
            + "JOIN recurring_movement n ON n.donation_id = m.donation_id AND n.kind = 'NEW' WHERE m.kind IN ('NEW', "
            + "'REACTIVATION', 'CHURN') GROUP BY m.campaign_id, m.livemode, n.month_key, m.month_key";

    /** Each cohort's money, from the ledger. */
    private static final String COHORT_VALUES_FROM_LEDGER = "SELECT n.campaign_id, n.livemode, n.month_key AS "
            + "cohort_month, SUM(l.amount_minor) AS value_minor FROM recurring_movement n JOIN ledger_entry l ON "
            + "l.donation_id = n.donation_id WHERE n.kind = 'NEW' GROUP BY n.campaign_id, n.livemode, n.month_key";

    private static final String KEPT_COHORTS_DIFFER = "SELECT COUNT(*) FROM (" + COHORTS_FROM_LOG + ") r LEFT JOIN "
            + "recurring_cohort k ON k.campaign_id = r.campaign_id AND k.livemode = r.livemode AND k.cohort_month = "
            + "r.cohort_month AND k.month_key = r.month_key WHERE k.started IS NULL OR k.started <> r.started OR "
            + "k.retained_delta <> r.delta";

    private static final String KEPT_COHORTS_WITHOUT_ROWS = "SELECT COUNT(*) FROM recurring_cohort k LEFT JOIN ("
            + COHORTS_FROM_LOG + ") r ON k.campaign_id = r.campaign_id AND k.livemode = r.livemode AND "
            + "k.cohort_month = r.cohort_month AND k.month_key = r.month_key WHERE r.started IS NULL";

    private static final String KEPT_VALUES_DIFFER = "SELECT COUNT(*) FROM (" + COHORT_VALUES_FROM_LEDGER + ") r "
            + "LEFT JOIN recurring_cohort_value k ON k.campaign_id = r.campaign_id AND k.livemode = r.livemode AND "
            + "k.cohort_month = r.cohort_month WHERE k.value_minor IS NULL OR k.value_minor <> r.value_minor";

    private static final String KEPT_VALUES_WITHOUT_ROWS = "SELECT COUNT(*) FROM recurring_cohort_value k LEFT JOIN ("
            + COHORT_VALUES_FROM_LEDGER + ") r ON k.campaign_id = r.campaign_id AND k.livemode = r.livemode AND "
            + "k.cohort_month = r.cohort_month WHERE r.value_minor IS NULL AND k.value_minor <> 0";

    private final JdbcClient jdbc;

    RecurringInvariants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a movement of each kind must look like, in SQL over the row {@code m}. */
    static String rule(RecurringMovements.Kind kind) {
        return switch (kind) {
            case NEW -> "m.from_units = 0 AND m.to_units > 0 AND " + PREVIOUS_KIND + " IS NULL";
            case REACTIVATION ->
                "m.from_units = 0 AND m.to_units > 0 AND COALESCE(" + PREVIOUS_KIND + ", 'NONE') NOT IN ('NONE', "
                        + "'PAUSE')";
            case RESUME -> "m.from_units = 0 AND m.to_units > 0 AND COALESCE(" + PREVIOUS_KIND + ", '') = 'PAUSE'";
            case EXPANSION -> "m.from_units > 0 AND m.to_units > m.from_units";
            case CONTRACTION -> "m.to_units > 0 AND m.to_units < m.from_units";
            case CHURN, PAUSE -> "m.from_units > 0 AND m.to_units = 0";
        };
    }

    @Override
    public List<Outcome> check() {
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(new Outcome(
                "mrr-matches-active-donations",
                "campaigns (and modes) whose kept monthly recurring revenue differs from the sum of their active, not "
                        + "paused monthly amounts and a twelfth of the yearly ones",
                count(KEPT_DIFFERS_FROM_DONATIONS) + count(KEPT_WITHOUT_DONATIONS)));
        outcomes.add(new Outcome(
                "recurring-movements-follow-on",
                "recurring revenue movements that do not start where the donation's previous one ended",
                count("SELECT COUNT(*) FROM recurring_movement m WHERE m.from_units <> COALESCE((SELECT p.to_units "
                        + "FROM recurring_movement p WHERE p.donation_id = m.donation_id AND p.id < m.id ORDER BY p.id "
                        + "DESC LIMIT 1), 0)")));
        outcomes.add(new Outcome(
                "pledged-matches-ledger",
                "campaigns' pledged figures (one-time money and first-year value of new recurring gifts, per period "
                        + "and mode) that differ from the ledger, or recurring donations whose first payment is not "
                        + "marked as such",
                count(KEPT_PLEDGED_DIFFERS) + count(FIRST_PAYMENT_MISMARKED) + count(FIRST_PAYMENT_UNMARKED)));
        outcomes.add(new Outcome(
                "cohorts-match-log-and-ledger",
                "kept cohort figures (donors started, retained, lifetime value per cohort and month) that differ from "
                        + "the recurring revenue log and the ledger",
                count(KEPT_COHORTS_DIFFER)
                        + count(KEPT_COHORTS_WITHOUT_ROWS)
                        + count(KEPT_VALUES_DIFFER)
                        + count(KEPT_VALUES_WITHOUT_ROWS)));
        for (RecurringMovements.Kind kind : RecurringMovements.Kind.values()) {
            String word = kind.name().toLowerCase(Locale.ROOT);
            outcomes.add(new Outcome(
                    "recurring-" + word + "-movements",
                    "movements filed as " + word + " whose change is not one",
                    count("SELECT COUNT(*) FROM recurring_movement m WHERE m.kind = '" + kind.name() + "' AND NOT ("
                            + rule(kind) + ")")));
        }
        return outcomes;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
