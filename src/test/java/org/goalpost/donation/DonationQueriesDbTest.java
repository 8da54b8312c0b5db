package org.goalpost.donation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.campaign.TestCampaigns;
import org.goalpost.shared.web.MalformedInputException;
import org.goalpost.testing.DbSuite;
import org.goalpost.testing.DbTarget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keyset pages of the donations list: newest first, no row repeated or skipped across pages, even
 * when many donations share a timestamp, with every filter; the export's stream gives the same rows.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.goalpost.testing.TestDatabases#targets")
class DonationQueriesDbTest {

    @Parameter
    DbTarget db;

    private DonationQueries queries;
    private Campaign campaign;
    private Campaign other;

    @BeforeEach
    void setUp() {
        queries = DbSuite.bean(db, DonationQueries.class);
        Campaigns campaigns = DbSuite.bean(db, Campaigns.class);
        JdbcClient jdbc = DbSuite.bean(db, JdbcClient.class);
        campaign = campaigns.create(TestCampaigns.draft(TestCampaigns.uniqueSlug("pages"), 100_000));
        other = campaigns.create(TestCampaigns.draft(TestCampaigns.uniqueSlug("pages-other"), 100_000));
        // 230 donations on 23 timestamps (ten share each), inserted out of time order
        for (int i = 0; i < 230; i++) {
            int second = (i * 7) % 23;
            jdbc.sql("INSERT INTO donation (public_id, campaign_id, channel, status, "
                            + "donation_interval, amount_minor, currency, livemode, "
                            + "donor_name, donor_email, anonymous, gift_minor, created_at, "
                            + "updated_at) VALUES (?, ?, 'STRIPE', ?, ?, ?, 'USD', ?, ?, ?, "
                            + "FALSE, ?, ?, ?)")
                    .params(
                            campaign.slug() + "-" + i,
                            i % 5 == 0 ? other.id() : campaign.id(),
                            i % 3 == 0 ? "PENDING" : "SUCCEEDED",
                            i % 4 == 0 ? "MONTH" : "ONCE",
                            100 + i,
                            i % 10 == 9,
                            (i % 2 == 0 ? "Ada " : "Grace ") + i,
                            "donor" + i + "@example.org",
                            100 + i,
                            "2026-11-02 10:00:" + String.format("%02d", second) + ".250000",
                            "2026-11-02 10:00:00.000000")
                    .update();
        }
    }

    private List<DonationRow> mine(List<DonationRow> rows) {
        return rows.stream()
                .filter(r -> r.publicId().startsWith(campaign.slug() + "-"))
                .toList();
    }

    private List<DonationRow> allPages(DonationCriteria criteria, int size) {
        List<DonationRow> rows = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            DonationQueries.Page page = queries.page(criteria, cursor, size);
            assertThat(page.rows().size()).isLessThanOrEqualTo(size);
            rows.addAll(page.rows());
            cursor = page.next();
            assertThat(++pages).as("pages end").isLessThan(1_000);
        } while (cursor != null);
        return rows;
    }

    private void assertPagedLikeTheWholeList(
            DonationCriteria criteria, Predicate<DonationRow> expectedFilter, int expectedCount) {
        List<DonationRow> paged = mine(allPages(criteria, 17));
        List<DonationRow> streamed = new ArrayList<>();
        queries.stream(criteria, streamed::add);
        assertThat(paged).hasSize(expectedCount).allMatch(expectedFilter);
        assertThat(paged).extracting(DonationRow::id).doesNotHaveDuplicates();
        assertThat(paged)
                .isSortedAccordingTo(Comparator.comparing(DonationRow::createdAt)
                        .thenComparing(DonationRow::id)
                        .reversed());
        assertThat(paged).isEqualTo(mine(streamed));
    }

    @Test
    void pagesCoverEveryRowOnceNewestFirstWhateverTheFilter() {
        assertPagedLikeTheWholeList(
                new DonationCriteria(null, null, null, false, null, null, null), r -> !r.livemode(), 207);
        assertPagedLikeTheWholeList(
                new DonationCriteria(campaign.id(), null, null, false, null, null, null),
                r -> r.campaignId() == campaign.id() && r.campaignSlug().equals(campaign.slug()),
                161);
        assertPagedLikeTheWholeList(
                new DonationCriteria(null, DonationStatus.SUCCEEDED, DonationInterval.MONTH, null, null, null, null),
                r -> r.status() == DonationStatus.SUCCEEDED && r.interval() == DonationInterval.MONTH,
                38);
        assertPagedLikeTheWholeList(
                new DonationCriteria(
                        null,
                        null,
                        null,
                        null,
                        Instant.parse("2026-11-02T10:00:05Z"),
                        Instant.parse("2026-11-02T10:00:10Z"),
                        null),
                r -> r.createdAt().getEpochSecond() % 60 >= 5 && r.createdAt().getEpochSecond() % 60 < 10,
                50);
        assertPagedLikeTheWholeList(
                new DonationCriteria(null, null, null, null, null, null, "Grace 1"),
                r -> r.donorName().startsWith("Grace 1"),
                56);
        assertPagedLikeTheWholeList(
                new DonationCriteria(null, null, null, null, null, null, "DONOR42@example.org"),
                r -> r.donorEmail().equals("donor42@example.org"),
                1);
    }

    @Test
    void aCursorThatWasNotGivenOutIsRefused() {
        assertThatThrownBy(() -> queries.page(DonationCriteria.all(), "not-a-cursor", 50))
                .isInstanceOf(MalformedInputException.class);
    }
}
