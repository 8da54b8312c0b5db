package org.goalpost.attribution;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.db.Transactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The aggregates of views and clicks, and each donation's attribution, in SQL that MariaDB, MySQL and H2 run. */
@Repository
class AttributionRepository {

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batches;
    private final Transactions transactions;

    AttributionRepository(
            JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batches, Transactions transactions) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transactions = transactions;
    }

    /** Adds views and clicks ({@code [views, clicks]} per key), all or nothing, as one JDBC batch. */
    void add(Map<ReaderCounts.Key, long[]> batch) {
        List<Object[]> rows = new java.util.ArrayList<>(batch.size());
        batch.forEach((key, n) -> {
            Attribution a = key.attribution();
            rows.add(new Object[] {
                key.campaignId(),
                key.day().toString(),
                a.key(),
                a.page(),
                a.placement(),
                a.variant(),
                a.utmSource(),
                a.utmMedium(),
                a.utmCampaign(),
                n[0],
                n[1],
                n[0],
                n[1]
            });
        });
        transactions.inTransaction(() -> batches.batchUpdate(
                "INSERT INTO attribution_daily (campaign_id, view_day, key_hash, page, placement, variant, "
                        + "utm_source, utm_medium, utm_campaign, views, clicks) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE views = views + ?, clicks = clicks + ?",
                rows));
    }

    /** Stores a donation's attribution once (a repeated checkout request keeps the first). */
    void record(long donationId, long campaignId, Attribution a, Instant now) {
        jdbc.sql("INSERT INTO donation_attribution (donation_id, campaign_id, key_hash, page, placement, variant, "
                        + "utm_source, utm_medium, utm_campaign, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE donation_id = donation_id")
                .params(
                        donationId,
                        campaignId,
                        a.key(),
                        a.page(),
                        a.placement(),
                        a.variant(),
                        a.utmSource(),
                        a.utmMedium(),
                        a.utmCampaign(),
                        DbTime.param(now))
                .update();
    }

    /** The attribution of these donations (privacy export), as stored. */
    List<Map<String, Object>> ofDonations(List<Long> donationIds) {
        if (donationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT donation_id, page, placement, variant, utm_source, utm_medium, utm_campaign "
                        + "FROM donation_attribution WHERE donation_id IN (:ids) ORDER BY donation_id")
                .param("ids", donationIds)
                .query()
                .listOfRows();
    }

    /** Forgets where these donations came from (privacy erasure); the money stays, unattributed. */
    int erase(List<Long> donationIds) {
        if (donationIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("DELETE FROM donation_attribution WHERE donation_id IN (:ids)")
                .param("ids", donationIds)
                .update();
    }
}
