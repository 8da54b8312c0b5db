package org.goalpost.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.campaign.TestCampaigns;
import org.goalpost.donation.Donations;
import org.goalpost.testing.PrivateMariaDb;
import org.goalpost.testing.SlowTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database server really crashes (SIGKILL) and restarts under a running instance: a server of
 * the test's own ({@link PrivateMariaDb}), so the machine's shared one is untouched. While it is
 * down the webhook answers 5xx (Stripe delivers again) and the widget keeps its last figures; once
 * it is back the pool recovers within 10 s and Stripe's redeliveries count once. Through both
 * drivers. Needs Debian's MariaDB server package, which CI has: there the test cannot be skipped.
 */
@SlowTest
class DatabaseRestartTest {

    private static final String SECRET = "whsec_database_restart";
    private static final FakeStripe STRIPE = new FakeStripe();
    private static PrivateMariaDb server;

    @BeforeAll
    static void server() throws Exception {
        boolean available = PrivateMariaDb.available();
        assertThat(available || !"true".equalsIgnoreCase(System.getenv("CI")))
                .as("CI has mariadbd (.ci/run)")
                .isTrue();
        if (!available) {
            System.out.println("!!! DatabaseRestartTest needs mariadbd (Debian's mariadb-server): not run");
        }
        Assumptions.assumeTrue(available, "needs mariadbd");
        server = PrivateMariaDb.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        STRIPE.close();
    }

    @ParameterizedTest(name = "jdbc:{0}://")
    @ValueSource(strings = {"mariadb", "mysql"})
    void aCrashedAndRestartedServerIsTakenBackWithin10sAndNothingCountsTwice(String scheme) throws Exception {
        String database = "restart_" + scheme;
        server.createDatabase(database);
        try (ConfigurableApplicationContext app =
                Instances.start(server.url(scheme, database), "root", "", STRIPE, SECRET)) {
            int port = Instances.port(app);
            Campaign campaign = app.getBean(Campaigns.class)
                    .create(TestCampaigns.draft(TestCampaigns.uniqueSlug("restart"), 100_000, 500_000));
            Donations donations = app.getBean(Donations.class);
            String before = Instances.payment(STRIPE, donations, campaign, 1_500);
            String during = Instances.payment(STRIPE, donations, campaign, 2_700);
            assertThat(Instances.post(port, before, SECRET)).isEqualTo(200);
            assertThat(Instances.eventually(port, campaign.slug(), 1_500, Duration.ofSeconds(5)))
                    .isNotNegative();

            server.crash();
            long refusedAt = System.nanoTime();
            int whileDown = Instances.post(port, during, SECRET);
            long refusedMillis = (System.nanoTime() - refusedAt) / 1_000_000;
            assertThat(whileDown).as("Stripe must deliver again").isGreaterThanOrEqualTo(500);
            assertThat(Instances.raised(port, campaign.slug()))
                    .as("the widget keeps its last figures")
                    .isEqualTo(1_500);
            Thread.sleep(3_000); // down long enough for the pool to find every connection dead
            long laterAt = System.nanoTime();
            assertThat(Instances.post(port, during, SECRET)).isGreaterThanOrEqualTo(500);
            long laterMillis = (System.nanoTime() - laterAt) / 1_000_000;
            assertThat(laterMillis)
                    .as("fails within the pool's connection timeout (5 s), not Hikari's default 30 s")
                    .isLessThan(8_000);

            server.startServer();
            int[] status = new int[1];
            int[] failed = new int[1];
            long recoveredMillis = Instances.millisUntil(
                    () -> {
                        status[0] = Instances.post(port, during, SECRET);
                        failed[0] += status[0] == 200 ? 0 : 1;
                        return status[0] == 200;
                    },
                    Duration.ofSeconds(10));
            System.out.printf(
                    "DatabaseRestartTest (jdbc:%s): a delivery while the server was down failed after %d ms; "
                            + "another 3 s later, after %d ms; webhook taken %d ms after the restart (%d "
                            + "failed deliveries)%n",
                    scheme, refusedMillis, laterMillis, recoveredMillis, failed[0]);
            assertThat(status[0]).as("taken within 10 s of the restart").isEqualTo(200);

            // Stripe delivers both again: each counts once
            assertThat(Instances.post(port, before, SECRET)).isEqualTo(200);
            assertThat(Instances.post(port, during, SECRET)).isEqualTo(200);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_entry WHERE campaign_id = ?")
                            .param(campaign.id())
                            .query(Long.class)
                            .single())
                    .isEqualTo(2);
            assertThat(jdbc.sql("SELECT COALESCE(SUM(raised_minor), 0) FROM campaign_totals WHERE campaign_id = ?")
                            .param(campaign.id())
                            .query(Long.class)
                            .single())
                    .isEqualTo(4_200);
            assertThat(Instances.eventually(port, campaign.slug(), 4_200, Duration.ofSeconds(5)))
                    .isNotNegative();
        }
    }
}
