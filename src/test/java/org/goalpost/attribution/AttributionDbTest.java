package org.goalpost.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.campaign.TestCampaigns;
import org.goalpost.testing.DbSuite;
import org.goalpost.testing.DbTarget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The aggregates' increments and the report's SQL on every test database (MariaDB through both drivers, H2). */
@ParameterizedClass(name = "{0}")
@MethodSource("org.goalpost.testing.TestDatabases#targets")
class AttributionDbTest {

    @Parameter
    DbTarget db;

    private ReaderCounts counts;
    private AttributionReport report;
    private Campaigns campaigns;
    private JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        counts = DbSuite.bean(db, ReaderCounts.class);
        report = DbSuite.bean(db, AttributionReport.class);
        campaigns = DbSuite.bean(db, Campaigns.class);
        jdbc = DbSuite.bean(db, JdbcClient.class);
    }

    @Test
    void viewsAndClicksAddUpAcrossFlushesInOneRowPerKeyAndDay() {
        Campaign campaign = campaigns.create(TestCampaigns.draft(TestCampaigns.uniqueSlug("attr-db"), 100_000));
        Attribution story = AttributionRules.check(
                new AttributionDraft("https://news.example/" + "long-path/".repeat(40), "end", "b", null, null, null),
                "");
        Attribution other = AttributionRules.check(
                new AttributionDraft("https://news.example/other?utm_source=Zeitung", null, null, null, null, null),
                "");
        counts.view(campaign.id(), campaign.timeZone(), story);
        counts.view(campaign.id(), campaign.timeZone(), story);
        counts.flush();
        counts.view(campaign.id(), campaign.timeZone(), story);
        counts.click(campaign.id(), campaign.timeZone(), story);
        counts.view(campaign.id(), campaign.timeZone(), other);
        counts.flush();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM attribution_daily WHERE campaign_id = ?")
                        .param(campaign.id())
                        .query(Long.class)
                        .single())
                .as("one row per key and day")
                .isEqualTo(2);
        LocalDate today = LocalDate.now(campaign.timeZone());
        AttributionReport.Report byPage =
                report.of(campaign, AttributionReport.By.PAGE, today.minusDays(1), today.plusDays(1), false);
        assertThat(byPage.rows())
                .extracting(AttributionReport.Row::key, AttributionReport.Row::views, AttributionReport.Row::clicks)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(story.page(), 3L, 1L),
                        org.assertj.core.groups.Tuple.tuple("https://news.example/other", 1L, 0L));
        assertThat(report.of(campaign, AttributionReport.By.UTM_SOURCE, today, today, false)
                        .rows())
                .extracting(AttributionReport.Row::key)
                .contains("Zeitung");
        assertThat(byPage.days().stream()
                        .mapToLong(AttributionReport.Day::views)
                        .sum())
                .isEqualTo(4);
        long[] sides = report.reportedAndLedger(campaign.id(), false);
        assertThat(sides[0]).isEqualTo(sides[1]);
    }
}
