package org.goalpost.donation;

import java.time.Instant;
import java.time.YearMonth;
import org.goalpost.campaign.Campaigns;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.db.DuplicateKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recurring payments that failed at least once, each invoice once (however often the gateway retries it or
 * reports it), and whether it was paid after all. The recurring view counts them per month: failed,
 * recovered, and lost (never paid, the donation ended).
 */
@Component
class InstalmentFailures {

    private final JdbcClient jdbc;
    private final Campaigns campaigns;

    InstalmentFailures(JdbcClient jdbc, Campaigns campaigns) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
    }

    void failed(Donation donation, String invoiceRef, Instant at) {
        YearMonth month = YearMonth.from(
                at.atZone(campaigns.load(donation.campaignId()).orElseThrow().timeZone()));
        DuplicateKeys.insertUnlessPresent(() -> jdbc.sql("INSERT INTO instalment_failure (invoice_ref, donation_id, "
                        + "campaign_id, livemode, month_key, failed_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        invoiceRef,
                        donation.id(),
                        donation.campaignId(),
                        donation.livemode(),
                        month.toString(),
                        DbTime.param(at))
                .update());
    }

    void paid(String invoiceRef, Instant at) {
        jdbc.sql("UPDATE instalment_failure SET recovered_at = ? WHERE invoice_ref = ? AND recovered_at IS NULL")
                .params(DbTime.param(at), invoiceRef)
                .update();
    }
}
