package org.goalpost.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.goalpost.GoalpostApplication;
import org.goalpost.donation.LedgerCheck;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Benchmark data: migrates a database, seeds the demo campaign, then adds {@code rows} ledger rows
 * (payments, refunds, offline gifts; test mode), each with its donation, to the campaign {@code support} in
 * bulk, recomputes
 * its totals from the ledger in SQL, and checks them with the app's own {@link LedgerCheck}.
 * Usage: {@code BenchSeed <jdbc-url> <user> <password> <rows>}.
 */
public final class BenchSeed {

    private BenchSeed() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        int rows = Integer.parseInt(args[3]);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GoalpostApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + user,
                        "--spring.datasource.password=" + password,
                        "--goalpost.demo.enabled=true",
                        "--goalpost.payments.reconcile-enabled=false",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN")) {
            long started = System.nanoTime();
            try (Connection db = DriverManager.getConnection(url, user, password)) {
                long campaign = campaignId(db);
                insert(db, campaign, rows);
                recompute(db, campaign);
                long total = count(db, "SELECT COUNT(*) FROM ledger_entry");
                System.out.printf(
                        "BenchSeed: %d ledger rows in the database (%d added) in %d ms%n",
                        total, rows, (System.nanoTime() - started) / 1_000_000);
            }
            LedgerCheck.Report report = app.getBean(LedgerCheck.class).run();
            System.out.println("BenchSeed: ledger check consistent=" + report.consistent() + " over "
                    + report.periodsChecked() + " period(s)");
            if (!report.consistent()) {
                throw new IllegalStateException("seeded totals differ from the ledger: " + report.discrepancies());
            }
        }
    }

    private static long campaignId(Connection db) throws Exception {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT id FROM campaign WHERE slug = 'support'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void insert(Connection db, long campaign, int rows) throws Exception {
        if (rows <= 0) {
            return;
        }
        Random random = new Random(42);
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
        LocalDateTime start = LocalDateTime.ofInstant(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
        String now = format.format(LocalDateTime.now(ZoneOffset.UTC));
        db.setAutoCommit(false);
        long firstDonation = count(db, "SELECT COALESCE(MAX(id), 0) + 1 FROM donation");
        int batch = 2_000;
        for (int done = 0; done < rows; done += batch) {
            StringBuilder donations = new StringBuilder(
                    "INSERT INTO donation (id, public_id, campaign_id, channel, status, donation_interval, "
                            + "amount_minor, currency, livemode, donor_name, donor_email, anonymous, "
                            + "gift_minor, created_at, updated_at) VALUES ");
            StringBuilder ledger = new StringBuilder(
                    "INSERT INTO ledger_entry (campaign_id, donation_id, period_key, kind, amount_minor, "
                            + "fee_minor, currency, source_ref, donor_ref, livemode, occurred_at, "
                            + "recorded_at) VALUES ");
            int n = Math.min(batch, rows - done);
            for (int i = 0; i < n; i++) {
                int k = done + i;
                long donation = firstDonation + k;
                int roll = random.nextInt(100);
                String kind = roll < 85 ? "PAYMENT" : roll < 95 ? "REFUND" : "OFFLINE_GIFT";
                long amount = 500 + random.nextInt(20_000);
                long signed = kind.equals("REFUND") ? -amount / 2 : amount;
                long fee = kind.equals("PAYMENT") ? amount * 29 / 1000 + 30 : 0;
                String at = format.format(start.plusMinutes(random.nextInt(60 * 24 * 600)));
                int donor = 1 + random.nextInt(200_000);
                String channel = kind.equals("OFFLINE_GIFT") ? "OFFLINE" : "STRIPE";
                String status = "SUCCEEDED";
                String interval = random.nextInt(4) == 0 ? "MONTH" : "ONCE";
                if (i > 0) {
                    donations.append(',');
                    ledger.append(',');
                }
                donations
                        .append('(')
                        .append(donation)
                        .append(",'")
                        .append(String.format("bench-%030d", k))
                        .append("',")
                        .append(campaign)
                        .append(",'")
                        .append(channel)
                        .append("','")
                        .append(status)
                        .append("','")
                        .append(interval)
                        .append("',")
                        .append(amount)
                        .append(",'USD',FALSE,'Reader ")
                        .append(donor)
                        .append("','reader")
                        .append(donor)
                        .append("@example.org',FALSE,")
                        .append(amount)
                        .append(",'")
                        .append(at)
                        .append("','")
                        .append(at)
                        .append("')");
                ledger.append('(')
                        .append(campaign)
                        .append(',')
                        .append(donation)
                        .append(",'ALL','")
                        .append(kind)
                        .append("',")
                        .append(signed)
                        .append(',')
                        .append(fee)
                        .append(",'USD','bench_")
                        .append(k)
                        .append("','d:")
                        .append(donor)
                        .append("',FALSE,'")
                        .append(at)
                        .append("','")
                        .append(now)
                        .append("')");
            }
            try (Statement s = db.createStatement()) {
                s.executeUpdate(donations.toString());
                s.executeUpdate(ledger.toString());
                // the recurring revenue log: each monthly donation's opening row, as the app writes it
                s.executeUpdate("INSERT INTO recurring_movement (donation_id, campaign_id, livemode, month_key, "
                        + "occurred_at, kind, from_units, to_units, recorded_at) SELECT id, campaign_id, livemode, "
                        + "DATE_FORMAT(created_at, '%Y-%m'), created_at, 'NEW', 0, 12 * amount_minor, created_at "
                        + "FROM donation WHERE id BETWEEN " + (firstDonation + done) + " AND "
                        + (firstDonation + done + n - 1) + " AND donation_interval = 'MONTH'");
            }
            db.commit();
        }
        db.setAutoCommit(true);
    }

    /** The kept totals of the campaign, recomputed from its ledger (as the ledger check does). */
    private static void recompute(Connection db, long campaign) throws Exception {
        String gift = "kind IN ('PAYMENT', 'OFFLINE_GIFT')";
        try (PreparedStatement clearDonors = db.prepareStatement("DELETE FROM period_donor WHERE campaign_id = ?");
                PreparedStatement donors =
                        db.prepareStatement("INSERT INTO period_donor (campaign_id, period_key, livemode, donor_ref) "
                                + "SELECT DISTINCT campaign_id, period_key, livemode, donor_ref FROM "
                                + "ledger_entry WHERE campaign_id = ? AND "
                                + gift);
                PreparedStatement clearTotals =
                        db.prepareStatement("DELETE FROM campaign_totals WHERE campaign_id = ?");
                PreparedStatement clearDaily = db.prepareStatement("DELETE FROM campaign_daily WHERE campaign_id = ?");
                PreparedStatement daily =
                        db.prepareStatement("INSERT INTO campaign_daily (campaign_id, period_key, livemode, local_day, "
                                + "raised_minor, gross_minor) SELECT campaign_id, period_key, livemode, "
                                + "CAST(occurred_at AS DATE), SUM(amount_minor), "
                                + "SUM(CASE WHEN " + gift
                                + " THEN amount_minor ELSE 0 END) FROM ledger_entry WHERE campaign_id = ? "
                                + "GROUP BY campaign_id, period_key, livemode, CAST(occurred_at AS DATE)");
                PreparedStatement totals =
                        db.prepareStatement("INSERT INTO campaign_totals (campaign_id, period_key, livemode, currency, "
                                + "raised_minor, gross_minor, refunded_minor, disputed_minor, adjusted_minor, "
                                + "fees_minor, donation_count, donor_count, "
                                + "updated_at) SELECT campaign_id, period_key, livemode, MAX(currency), "
                                + "SUM(amount_minor), "
                                + "SUM(CASE WHEN " + gift + " THEN amount_minor ELSE 0 END), "
                                + "-SUM(CASE WHEN kind IN ('REFUND', 'REFUND_REVERSAL') THEN amount_minor ELSE 0 END), "
                                + "-SUM(CASE WHEN kind IN ('DISPUTE', 'DISPUTE_REVERSAL') THEN amount_minor "
                                + "ELSE 0 END), "
                                + "SUM(CASE WHEN kind = 'ADJUSTMENT' THEN amount_minor ELSE 0 END), SUM(fee_minor), "
                                + "SUM(CASE WHEN " + gift + " THEN 1 ELSE 0 END), "
                                + "COUNT(DISTINCT CASE WHEN " + gift + " THEN donor_ref END), ? "
                                + "FROM ledger_entry WHERE campaign_id = ? GROUP BY campaign_id, period_key, "
                                + "livemode")) {
            clearDonors.setLong(1, campaign);
            clearDonors.executeUpdate();
            donors.setLong(1, campaign);
            donors.executeUpdate();
            clearTotals.setLong(1, campaign);
            clearTotals.executeUpdate();
            totals.setString(
                    1,
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS")
                            .format(LocalDateTime.now(ZoneOffset.UTC)));
            totals.setLong(2, campaign);
            totals.executeUpdate();
            clearDaily.setLong(1, campaign);
            clearDaily.executeUpdate();
            daily.setLong(1, campaign);
            daily.executeUpdate();
        }
        // the pledged figures (first-year value), derived from the ledger by the very statements of their migration
        try (Statement s = db.createStatement()) {
            s.executeUpdate("DELETE FROM campaign_pledged");
            s.executeUpdate("DELETE FROM pledge_first");
            for (String statement : migrationBackfill("db/migration/V19__pledged.sql")) {
                s.executeUpdate(statement);
            }
        }
        // the recurring revenue log's kept monthly sums, as the app keeps them
        try (Statement s = db.createStatement()) {
            s.executeUpdate("DELETE FROM recurring_month WHERE campaign_id = " + campaign);
            s.executeUpdate("INSERT INTO recurring_month (campaign_id, livemode, month_key, kind, units, movements) "
                    + "SELECT campaign_id, livemode, month_key, kind, SUM(to_units - from_units), COUNT(*) FROM "
                    + "recurring_movement WHERE campaign_id = " + campaign + " GROUP BY campaign_id, livemode, "
                    + "month_key, kind");
        }
        // the cohorts, from the log and the ledger, by the statements of their migration
        try (Statement s = db.createStatement()) {
            s.executeUpdate("DELETE FROM recurring_cohort");
            s.executeUpdate("DELETE FROM recurring_cohort_value");
            for (String statement : migrationBackfill("db/migration/V20__cohorts.sql")) {
                s.executeUpdate(statement);
            }
        }
    }

    /** The statements of a migration that fill its tables from what is there (INSERT and UPDATE), in order. */
    public static java.util.List<String> migrationBackfill(String resource) throws java.io.IOException {
        String sql;
        try (var in = BenchSeed.class.getClassLoader().getResourceAsStream(resource)) {
            sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        return java.util.Arrays.stream(sql.split(";\\s*\\n"))
                .map(statement -> statement
                        .lines()
                        .filter(line -> !line.strip().startsWith("--"))
                        .collect(java.util.stream.Collectors.joining("\n"))
                        .strip())
                .filter(statement -> statement.startsWith("INSERT") || statement.startsWith("UPDATE"))
                .toList();
    }
}
