package org.goalpost.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.goalpost.shared.health.InvariantCheck;
import org.goalpost.testing.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each kind of corruption, seeded by hand into a fresh database (the demo campaign's data), makes
 * its invariant fire, turns the health indicator DOWN and shows in the metric; undone, all hold again.
 * Constraints and foreign keys are switched off for the seeding only, as a hand edit would.
 */
@AppTest
class InvariantsTest {

    @Autowired
    Invariants invariants;

    @Autowired
    InvariantsHealthIndicator indicator;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    org.goalpost.donation.Ledger ledger;

    @Autowired
    org.goalpost.campaign.Campaigns campaigns;

    @Test
    void everyCorruptionIsFoundAndNamed() throws Exception {
        Awaitility.await("checked once at start, in the background")
                .atMost(Duration.ofSeconds(10))
                .until(() -> invariants.last() != null);
        assertHealthy();
        long campaign = jdbc.sql("SELECT id FROM campaign WHERE slug = 'support'")
                .query(Long.class)
                .single();
        long firstRow = jdbc.sql("SELECT MIN(id) FROM ledger_entry WHERE campaign_id = ?")
                .param(campaign)
                .query(Long.class)
                .single();

        // a kept total edited by hand
        sql("UPDATE campaign_totals SET raised_minor = raised_minor + 1 WHERE campaign_id = " + campaign);
        assertBroken("totals-match-ledger", 1);
        sql("UPDATE campaign_totals SET raised_minor = raised_minor - 1 WHERE campaign_id = " + campaign);
        assertHealthy();

        // a money movement recorded twice (only possible with the unique key gone)
        boolean h2 = product().contains("H2");
        sql(
                h2
                        ? "ALTER TABLE ledger_entry DROP CONSTRAINT uq_ledger_kind_source"
                        : "ALTER TABLE ledger_entry DROP INDEX uq_ledger_kind_source");
        sql("INSERT INTO ledger_entry (campaign_id, donation_id, period_key, kind, amount_minor, "
                + "fee_minor, currency, source_ref, donor_ref, "
                + "livemode, occurred_at, recorded_at) SELECT campaign_id, donation_id, period_key, "
                + "kind, amount_minor, fee_minor, currency, "
                + "source_ref, donor_ref, livemode, occurred_at, recorded_at FROM ledger_entry WHERE id = "
                + firstRow);
        assertBroken("one-row-per-money-movement", 1);
        sql("DELETE FROM ledger_entry WHERE id > " + firstRow
                + " AND source_ref = (SELECT source_ref FROM (SELECT source_ref FROM ledger_entry " + "WHERE id = "
                + firstRow + ") s) AND kind = (SELECT kind FROM (SELECT kind FROM ledger_entry WHERE id = " + firstRow
                + ") k)");
        sql("ALTER TABLE ledger_entry ADD CONSTRAINT uq_ledger_kind_source UNIQUE (kind, source_ref)");
        assertHealthy();

        // a ledger row pointing at a donation that does not exist (foreign keys off)
        String orphan = "INSERT INTO ledger_entry (campaign_id, donation_id, period_key, kind, amount_minor, "
                + "fee_minor, currency, source_ref, "
                + "donor_ref, livemode, occurred_at, recorded_at) SELECT campaign_id, 987654321, "
                + "period_key, 'ADJUSTMENT', 0, 0, currency, "
                + "'orphan-test', donor_ref, livemode, occurred_at, recorded_at FROM ledger_entry WHERE id = "
                + firstRow;
        withoutForeignKeys(orphan, h2);
        assertBroken("no-orphan-rows", 1);
        sql("DELETE FROM ledger_entry WHERE source_ref = 'orphan-test'");
        assertHealthy();

        // a donation left pending for more than a day
        long donation = jdbc.sql("SELECT MIN(id) FROM donation WHERE campaign_id = ?")
                .param(campaign)
                .query(Long.class)
                .single();
        String status = jdbc.sql("SELECT status FROM donation WHERE id = ?")
                .param(donation)
                .query(String.class)
                .single();
        String created = jdbc.sql("SELECT created_at FROM donation WHERE id = ?")
                .param(donation)
                .query(String.class)
                .single();
        jdbc.sql("UPDATE donation SET status = 'PENDING', created_at = ? WHERE id = ?")
                .params(
                        Instant.now()
                                .minus(26, ChronoUnit.HOURS)
                                .toString()
                                .replace("T", " ")
                                .replace("Z", ""),
                        donation)
                .update();
        assertBroken("no-donation-pending-over-24h", 1);
        jdbc.sql("UPDATE donation SET status = ?, created_at = ? WHERE id = ?")
                .params(status, created, donation)
                .update();
        assertHealthy();

        // a monthly donation whose commitment is not in the recurring revenue log (written around the app)
        sql("INSERT INTO donation (public_id, campaign_id, channel, status, donation_interval, amount_minor, "
                + "currency, livemode, anonymous, gift_minor, created_at, updated_at) VALUES ('invariants-monthly', "
                + campaign + ", 'STRIPE', 'SUCCEEDED', 'MONTH', 500, 'USD', FALSE, TRUE, 500, "
                + "'2026-01-01 00:00:00', '2026-01-01 00:00:00')");
        assertBroken("recurring-movements-match-donations", 1);
        long monthly = jdbc.sql("SELECT id FROM donation WHERE public_id = 'invariants-monthly'")
                .query(Long.class)
                .single();
        sql("INSERT INTO recurring_movement (donation_id, campaign_id, livemode, month_key, occurred_at, kind, "
                + "from_units, to_units, recorded_at) VALUES (" + monthly + ", " + campaign + ", FALSE, '2026-01', "
                + "'2026-01-01 00:00:00', 'NEW', 0, 6000, '2026-01-01 00:00:00')");
        assertBroken("recurring-months-match-movements", 1);
        sql("INSERT INTO recurring_month (campaign_id, livemode, month_key, kind, units, movements) VALUES (" + campaign
                + ", FALSE, '2026-01', 'NEW', 6000, 1)");
        assertBroken("cohorts-match-log-and-ledger", 1);
        sql("INSERT INTO recurring_cohort (campaign_id, livemode, cohort_month, month_key, started, retained_delta) "
                + "VALUES (" + campaign + ", FALSE, '2026-01', '2026-01', 1, 1)");
        assertHealthy();
        // what the cohorts' migration derives from the log and the ledger is what the app keeps
        sql("DELETE FROM recurring_cohort");
        sql("DELETE FROM recurring_cohort_value");
        assertBroken("cohorts-match-log-and-ledger", 1);
        for (String statement : org.goalpost.bench.BenchSeed.migrationBackfill("db/migration/V20__cohorts.sql")) {
            sql(statement);
        }
        assertHealthy();
        // a cohort's kept figures edited by hand
        sql("UPDATE recurring_cohort SET retained_delta = 0 WHERE campaign_id = " + campaign);
        assertBroken("cohorts-match-log-and-ledger", 1);
        sql("UPDATE recurring_cohort SET retained_delta = 1 WHERE campaign_id = " + campaign);
        sql("INSERT INTO recurring_cohort_value (campaign_id, livemode, cohort_month, value_minor) VALUES (" + campaign
                + ", FALSE, '2026-01', 500)");
        assertBroken("cohorts-match-log-and-ledger", 1);
        sql("DELETE FROM recurring_cohort_value WHERE campaign_id = " + campaign);
        assertHealthy();
        // a kept monthly recurring figure edited by hand
        sql("UPDATE recurring_month SET units = units + 12 WHERE campaign_id = " + campaign
                + " AND month_key = '2026-01'");
        assertBroken("recurring-months-match-movements", 1);
        sql("UPDATE recurring_month SET units = units - 12 WHERE campaign_id = " + campaign
                + " AND month_key = '2026-01'");
        assertHealthy();
        // the kept recurring revenue no longer what the donations commit (the log and its sums edited alike)
        sql("UPDATE recurring_movement SET to_units = 6012 WHERE donation_id = " + monthly);
        sql("UPDATE recurring_month SET units = 6012 WHERE campaign_id = " + campaign + " AND month_key = '2026-01'");
        assertBroken("mrr-matches-active-donations", 1);
        sql("UPDATE recurring_movement SET to_units = 6000 WHERE donation_id = " + monthly);
        sql("UPDATE recurring_month SET units = 6000 WHERE campaign_id = " + campaign + " AND month_key = '2026-01'");
        assertHealthy();
        // a movement filed under the wrong kind, for each kind: the new commitment called anything else
        for (String wrong : java.util.List.of("EXPANSION", "CONTRACTION", "CHURN", "PAUSE", "REACTIVATION", "RESUME")) {
            sql("UPDATE recurring_movement SET kind = '" + wrong + "' WHERE donation_id = " + monthly);
            sql("UPDATE recurring_month SET kind = '" + wrong + "' WHERE campaign_id = " + campaign
                    + " AND month_key = '2026-01'");
            assertBroken("recurring-" + wrong.toLowerCase(java.util.Locale.ROOT) + "-movements", 1);
        }
        sql("UPDATE recurring_movement SET kind = 'NEW' WHERE donation_id = " + monthly);
        sql("UPDATE recurring_month SET kind = 'NEW' WHERE campaign_id = " + campaign + " AND month_key = '2026-01'");
        assertHealthy();
        // a second row filed as NEW (only a donation's first row is), then one that does not start where the first
        // ended (5,000 then 5,500)
        sql("INSERT INTO recurring_movement (donation_id, campaign_id, livemode, month_key, occurred_at, kind, "
                + "from_units, to_units, recorded_at) VALUES (" + monthly + ", " + campaign + ", FALSE, '2026-01', "
                + "'2026-01-02 00:00:00', 'NEW', 6000, 6000, '2026-01-02 00:00:00')");
        sql("UPDATE recurring_month SET movements = 2 WHERE campaign_id = " + campaign + " AND month_key = '2026-01'");
        assertBroken("recurring-new-movements", 1);
        sql("UPDATE recurring_movement SET from_units = 5500, kind = 'EXPANSION' WHERE donation_id = " + monthly
                + " AND occurred_at > '2026-01-01 00:00:00'");
        sql("UPDATE recurring_movement SET to_units = 5000 WHERE donation_id = " + monthly
                + " AND occurred_at = '2026-01-01 00:00:00'");
        sql("UPDATE recurring_month SET units = 5000, movements = 1 WHERE campaign_id = " + campaign
                + " AND month_key = '2026-01' AND kind = 'NEW'");
        sql("INSERT INTO recurring_month (campaign_id, livemode, month_key, kind, units, movements) VALUES (" + campaign
                + ", FALSE, '2026-01', 'EXPANSION', 0, 1)");
        assertBroken("recurring-movements-follow-on", 1);
        sql("DELETE FROM recurring_movement WHERE donation_id = " + monthly + " AND kind = 'EXPANSION'");
        sql("DELETE FROM recurring_month WHERE campaign_id = " + campaign + " AND kind = 'EXPANSION'");
        sql("UPDATE recurring_movement SET to_units = 6000 WHERE donation_id = " + monthly);
        sql("UPDATE recurring_month SET units = 6000 WHERE campaign_id = " + campaign + " AND month_key = '2026-01'");
        assertHealthy();
        sql("UPDATE donation SET amount_minor = 700 WHERE id = " + monthly);
        assertBroken("recurring-movements-match-donations", 1);
        sql("DELETE FROM recurring_movement WHERE donation_id = " + monthly);
        sql("DELETE FROM recurring_month WHERE campaign_id = " + campaign + " AND month_key = '2026-01'");
        sql("DELETE FROM recurring_cohort WHERE campaign_id = " + campaign);
        sql("DELETE FROM donation WHERE id = " + monthly);
        assertHealthy();

        // a pledged figure edited by hand
        sql("UPDATE campaign_pledged SET once_minor = once_minor + 1 WHERE campaign_id = " + campaign);
        assertBroken("pledged-matches-ledger", 1);
        sql("UPDATE campaign_pledged SET once_minor = once_minor - 1 WHERE campaign_id = " + campaign);
        assertHealthy();

        // what the pledged figures' migration derives from an existing ledger is what the app keeps: one-time gifts
        // and a monthly donor's two payments (the first at 12 times)
        org.goalpost.campaign.Campaign support = campaigns.find("support").orElseThrow();
        sql("INSERT INTO donation (public_id, campaign_id, channel, status, donation_interval, amount_minor, "
                + "currency, livemode, anonymous, gift_minor, created_at, updated_at) VALUES ('invariants-pledge', "
                + campaign + ", 'DEMO', 'CANCELED', 'MONTH', 300, 'USD', FALSE, TRUE, 300, "
                + "'2026-01-01 00:00:00', '2026-01-01 00:00:00')");
        long pledging = jdbc.sql("SELECT id FROM donation WHERE public_id = 'invariants-pledge'")
                .query(Long.class)
                .single();
        for (int month = 1; month <= 2; month++) {
            Instant at = Instant.parse("2026-0" + month + "-01T12:00:00Z");
            ledger.record(
                    support,
                    org.goalpost.donation.LedgerEntry.gift(
                            org.goalpost.donation.LedgerKind.PAYMENT,
                            support.money(300),
                            0,
                            "invariants-pledge-" + month,
                            pledging,
                            org.goalpost.donation.DonorRef.anonymous("invariants-pledge"),
                            false,
                            at,
                            org.goalpost.donation.PeriodAttribution.forGift(support, at)));
        }
        long firstYear = jdbc.sql("SELECT SUM(first_year_minor) FROM campaign_pledged WHERE campaign_id = ?")
                .param(campaign)
                .query(Long.class)
                .single();
        assertThat(firstYear).as("12 x 3 $, once").isEqualTo(3_600);
        assertHealthy();
        // the first payment's mark with a wrong first-year value, then no mark at all
        sql("UPDATE pledge_first SET first_year_minor = first_year_minor + 1 WHERE donation_id = " + pledging);
        assertBroken("pledged-matches-ledger", 2);
        sql("UPDATE pledge_first SET first_year_minor = first_year_minor - 1 WHERE donation_id = " + pledging);
        assertHealthy();
        sql("DELETE FROM pledge_first WHERE donation_id = " + pledging);
        assertBroken("pledged-matches-ledger", 2);
        sql("DELETE FROM campaign_pledged");
        sql("DELETE FROM pledge_first");
        assertBroken("pledged-matches-ledger", 1);
        for (String statement : org.goalpost.bench.BenchSeed.migrationBackfill("db/migration/V19__pledged.sql")) {
            sql(statement);
        }
        assertThat(jdbc.sql("SELECT SUM(first_year_minor) FROM campaign_pledged WHERE campaign_id = ?")
                        .param(campaign)
                        .query(Long.class)
                        .single())
                .isEqualTo(firstYear);
        assertHealthy();

        // an inbox event that never reached an outcome
        sql("INSERT INTO inbox_event (event_id, event_type, livemode, created_at, received_at, "
                + "received_by, outcome) "
                + "VALUES ('evt_invariants_test', 'charge.refunded', FALSE, '2026-01-01 00:00:00', "
                + "'2026-01-01 00:00:00', 'WEBHOOK', 'RECEIVED')");
        assertBroken("inbox-events-processed", 1);
        sql("DELETE FROM inbox_event WHERE event_id = 'evt_invariants_test'");
        assertHealthy();

        // an event the reconciler could not handle, parked; once dismissed by an admin it no longer counts
        sql("INSERT INTO reconcile_parked (item_key, kind, ref, label, livemode, error, attempts, "
                + "first_failed_at, last_failed_at, "
                + "next_attempt_at, state) VALUES ('event:evt_parked_test', 'EVENT', "
                + "'evt_parked_test', 'invoice.paid', FALSE, 'boom', 1, "
                + "'2026-01-01 00:00:00', '2026-01-01 00:00:00', '2026-01-01 00:01:00', 'PARKED')");
        assertBroken("no-parked-reconciler-items", 1);
        assertThat(meters.get("goalpost.reconciler.parked").gauge().value()).isEqualTo(1.0);
        sql("UPDATE reconcile_parked SET state = 'DISMISSED' WHERE item_key = 'event:evt_parked_test'");
        assertHealthy();

        // a demo gift attributed, once under its own campaign (healthy), once filed under another campaign
        long other = campaigns
                .create(org.goalpost.campaign.TestCampaigns.draft(
                        org.goalpost.campaign.TestCampaigns.uniqueSlug("invariants-attribution"), 100_000))
                .id();
        long gift = jdbc.sql("SELECT MIN(donation_id) FROM ledger_entry WHERE campaign_id = ?")
                .param(campaign)
                .query(Long.class)
                .single();
        sql("INSERT INTO donation_attribution (donation_id, campaign_id, key_hash, page, placement, created_at) "
                + "VALUES (" + gift + ", " + campaign + ", '" + "a".repeat(64) + "', 'https://news.example/a', "
                + "'end', '2026-01-01 00:00:00')");
        assertHealthy();
        sql("UPDATE donation_attribution SET campaign_id = " + other + " WHERE donation_id = " + gift);
        assertBroken("attribution-of-its-campaign", 1);
        sql("DELETE FROM donation_attribution WHERE donation_id = " + gift);
        assertHealthy();
    }

    private void assertBroken(String invariant, long violations) {
        Invariants.Report report = invariants.run();
        Map<String, Long> found = report.outcomes().stream()
                .collect(Collectors.toMap(InvariantCheck.Outcome::invariant, InvariantCheck.Outcome::violations));
        assertThat(report.healthy()).isFalse();
        assertThat(found.get(invariant)).as(invariant).isGreaterThanOrEqualTo(violations);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(indicator.health().getDetails().get(invariant)).isEqualTo(found.get(invariant));
        assertThat(meters.get("goalpost.invariant.violations")
                        .tag("invariant", invariant)
                        .gauge()
                        .value())
                .isEqualTo(found.get(invariant).doubleValue());
    }

    private void assertHealthy() {
        Invariants.Report report = invariants.run();
        assertThat(report.outcomes())
                .extracting(InvariantCheck.Outcome::invariant)
                .containsExactlyInAnyOrder(
                        "attribution-matches-ledger",
                        "attribution-of-its-campaign",
                        "totals-match-ledger",
                        "one-row-per-money-movement",
                        "no-orphan-rows",
                        "recurring-movements-match-donations",
                        "recurring-months-match-movements",
                        "mrr-matches-active-donations",
                        "pledged-matches-ledger",
                        "cohorts-match-log-and-ledger",
                        "recurring-movements-follow-on",
                        "recurring-new-movements",
                        "recurring-expansion-movements",
                        "recurring-contraction-movements",
                        "recurring-churn-movements",
                        "recurring-reactivation-movements",
                        "recurring-pause-movements",
                        "recurring-resume-movements",
                        "no-donation-pending-over-24h",
                        "inbox-events-processed",
                        "no-parked-reconciler-items");
        assertThat(report.outcomes()).allMatch(InvariantCheck.Outcome::holds);
        assertThat(report.healthy()).isTrue();
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }

    private void sql(String statement) {
        jdbc.sql(statement).update();
    }

    private void withoutForeignKeys(String statement, boolean h2) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute(h2 ? "SET REFERENTIAL_INTEGRITY FALSE" : "SET FOREIGN_KEY_CHECKS = 0");
            try {
                sql.execute(statement);
            } finally {
                sql.execute(h2 ? "SET REFERENTIAL_INTEGRITY TRUE" : "SET FOREIGN_KEY_CHECKS = 1");
            }
        }
    }

    private String product() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        }
    }
}
