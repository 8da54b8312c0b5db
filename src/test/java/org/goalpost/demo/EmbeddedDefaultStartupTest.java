package org.goalpost.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import org.goalpost.GoalpostApplication;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.campaign.PeriodKey;
import org.goalpost.donation.DonorRef;
import org.goalpost.donation.Ledger;
import org.goalpost.donation.LedgerEntry;
import org.goalpost.donation.LedgerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default, as {@code ./mvnw spring-boot:run} starts it: H2 in a file under
 * {@code ./data} (here moved to a temporary folder), migrated, seeded once, kept across restarts.
 */
class EmbeddedDefaultStartupTest {

    @TempDir
    Path folder;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsOnH2FileSeedsTheDemoOnceAndKeepsDataAcrossRestarts() throws Exception {
        String defaultUrl = defaultDatasourceUrl();
        assertThat(defaultUrl).startsWith("jdbc:h2:file:./data/goalpost").contains("MODE=MySQL");
        String url = defaultUrl.replace("./data/", folder.toAbsolutePath() + "/data/");

        try (ConfigurableApplicationContext first = start(url)) {
            int port = ((WebServerApplicationContext) first).getWebServer().getPort();
            assertThat(get(port, "/actuator/health").body()).contains("\"status\":\"UP\"");
            HttpResponse<String> page = get(port, "/campaigns/support");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("TEST MODE", "<strong>895 $</strong> raised", ">2,500 $<", ">5,000 $<");
            Campaign support = first.getBean(Campaigns.class).find("support").orElseThrow();
            first.getBean(Ledger.class)
                    .record(
                            support,
                            LedgerEntry.gift(
                                    LedgerKind.PAYMENT,
                                    support.money(2_500),
                                    0,
                                    "restart_check",
                                    null,
                                    DonorRef.known(999),
                                    false,
                                    Instant.now(),
                                    PeriodKey.ALL));
        }
        assertThat(Files.exists(folder.resolve("data/goalpost.mv.db")))
                .as("the database is a file under data/")
                .isTrue();

        try (ConfigurableApplicationContext second = start(url)) {
            int port = ((WebServerApplicationContext) second).getWebServer().getPort();
            String json = get(port, "/api/campaigns/support").body();
            assertThat(json).contains("\"raisedMinor\":92000", "\"donationCount\":12");
            assertThat(second.getBean(Campaigns.class).findAll())
                    .extracting(Campaign::slug)
                    .containsOnlyOnce("support");
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return SpringApplication.run(
                GoalpostApplication.class,
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.main.banner-mode=off");
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String defaultDatasourceUrl() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = EmbeddedDefaultStartupTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        return properties.getProperty("spring.datasource.url");
    }
}
