package org.goalpost.donation;

import java.time.Clock;
import java.util.Optional;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.PeriodKey;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.db.DuplicateKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The first-year value of recurring gifts ("pledged"), the way matching programmes count them: one-time money as
 * received, and each recurring gift at 12 times its first payment (monthly) or its first payment (yearly), in the
 * period that payment landed in; later instalments, and refunds of recurring payments, do not move it. Kept in the
 * transaction that records the money (a row per recurring donation marks its first payment, the first one recorded:
 * its primary key settles a race), summed per campaign, period and mode; an invariant recomputes it from the ledger.
 * The same hook hands a recurring donation's money to its cohort ({@code RecurringCohorts}), its row locked.
 */
@Component
public class Pledges {

    private final JdbcClient jdbc;
    private final DonationRepository donations;
    private final Clock clock;

    private final RecurringCohorts cohorts;

    Pledges(JdbcClient jdbc, DonationRepository donations, Clock clock, RecurringCohorts cohorts) {
        this.cohorts = cohorts;
        this.jdbc = jdbc;
        this.donations = donations;
        this.clock = clock;
    }

    /** One-time money and the first-year value of new recurring gifts in a period. */
    public record Pledged(long onceMinor, long firstYearMinor) {

        public long totalMinor() {
            return onceMinor + firstYearMinor;
        }
    }

    /** A campaign's pledged figures in one period and mode; zero when nothing was recorded there. */
    public Pledged of(Campaign campaign, PeriodKey period, boolean livemode) {
        return jdbc.sql("SELECT once_minor, first_year_minor FROM campaign_pledged WHERE campaign_id = ? AND "
                        + "period_key = ? AND livemode = ?")
                .params(campaign.id(), period.value(), livemode)
                .query((rs, n) -> new Pledged(rs.getLong("once_minor"), rs.getLong("first_year_minor")))
                .optional()
                .orElse(new Pledged(0, 0));
    }

    /** Called by the ledger in the transaction that recorded {@code entry}. */
    void recorded(long campaignId, LedgerEntry entry) {
        Optional<Donation> donation =
                entry.donationId() == null ? Optional.empty() : donations.findById(entry.donationId());
        if (donation.isEmpty() || !donation.get().isRecurring()) {
            add(campaignId, entry, entry.amount().minor(), 0);
            return;
        }
        // the donation's row is locked: its start (another transaction, perhaps) and this money are counted in order
        Donation recurring = donations.lockById(donation.get().id()).orElseThrow();
        cohorts.recorded(recurring, entry.amount().minor());
        if (entry.kind() != LedgerKind.PAYMENT) {
            return;
        }
        long firstYear = recurring.interval() == DonationInterval.MONTH
                ? 12 * entry.amount().minor()
                : entry.amount().minor();
        boolean known = jdbc.sql("SELECT COUNT(*) FROM pledge_first WHERE donation_id = ?")
                        .param(recurring.id())
                        .query(Long.class)
                        .single()
                > 0;
        boolean first = !known
                && DuplicateKeys.insertUnlessPresent(() -> jdbc.sql(
                                "INSERT INTO pledge_first (donation_id, campaign_id, period_key, livemode, source_ref, "
                                        + "first_year_minor, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .params(
                                recurring.id(),
                                campaignId,
                                entry.period().value(),
                                entry.livemode(),
                                entry.sourceRef(),
                                firstYear,
                                DbTime.param(clock.instant()))
                        .update());
        if (first) {
            add(campaignId, entry, 0, firstYear);
        }
    }

    private void add(long campaignId, LedgerEntry entry, long once, long firstYear) {
        String now = DbTime.param(clock.instant());
        jdbc.sql("INSERT INTO campaign_pledged (campaign_id, period_key, livemode, once_minor, first_year_minor, "
                        + "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE once_minor = once_minor + ?, "
                        + "first_year_minor = first_year_minor + ?, updated_at = ?")
                .params(
                        campaignId,
                        entry.period().value(),
                        entry.livemode(),
                        once,
                        firstYear,
                        now,
                        once,
                        firstYear,
                        now)
                .update();
    }
}
