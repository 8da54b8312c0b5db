package org.goalpost.donation;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import org.goalpost.campaign.Campaigns;
import org.goalpost.shared.db.DbTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The log of recurring revenue: whenever what a recurring donation adds to its campaign's committed
 * yearly figure changes ({@link Donation#committedYearlyMinor()}), one immutable row with the figure
 * before and after and what kind of change it was, dated by the change (the gateway's report time) and
 * filed under its month in the campaign's time zone. Written in the transaction that changed the
 * donation, with its row locked, so the rows of one donation follow its states in order and their sum
 * is what it adds now (an invariant checks it). Their sums per campaign, month and kind are kept in {@code
 * recurring_month} in the same transaction, which the recurring view reads (another invariant recomputes them).
 */
@Component
class RecurringMovements {

    /** What changed: a first commitment, more or less of it, its end, its return, a pause and its end. */
    enum Kind {
        NEW,
        EXPANSION,
        CONTRACTION,
        CHURN,
        REACTIVATION,
        PAUSE,
        RESUME
    }

    private final JdbcClient jdbc;
    private final DonationRepository donations;
    private final Campaigns campaigns;
    private final Clock clock;

    private final ApplicationEventPublisher events;
    private final RecurringCohorts cohorts;

    RecurringMovements(
            JdbcClient jdbc,
            DonationRepository donations,
            Campaigns campaigns,
            Clock clock,
            ApplicationEventPublisher events,
            RecurringCohorts cohorts) {
        this.cohorts = cohorts;
        this.events = events;
        this.jdbc = jdbc;
        this.donations = donations;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /**
     * Records the change of a donation's commitment since its last row, if there is one, as of {@code at}.
     * Call it inside the transaction that changed the donation. Safe to call again: no change, no row.
     */
    void record(long donationId, Instant at) {
        Optional<Donation> locked = donations.lockById(donationId);
        if (locked.isEmpty() || !locked.get().isRecurring()) {
            return;
        }
        Donation donation = locked.get();
        Optional<Last> last = jdbc.sql("SELECT to_units, kind FROM recurring_movement WHERE donation_id = ? "
                        + "ORDER BY id DESC LIMIT 1")
                .param(donationId)
                .query((rs, n) -> new Last(rs.getLong("to_units"), Kind.valueOf(rs.getString("kind"))))
                .optional();
        long before = last.map(Last::units).orElse(0L);
        long now = donation.committedYearlyMinor();
        if (now == before) {
            return;
        }
        Kind kind = kind(donation, before, now, last.map(Last::kind).orElse(null));
        YearMonth month = YearMonth.from(
                at.atZone(campaigns.load(donation.campaignId()).orElseThrow().timeZone()));
        jdbc.sql("INSERT INTO recurring_movement (donation_id, campaign_id, livemode, month_key, occurred_at, kind, "
                        + "from_units, to_units, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        donationId,
                        donation.campaignId(),
                        donation.livemode(),
                        month.toString(),
                        DbTime.param(at),
                        kind.name(),
                        before,
                        now,
                        DbTime.param(clock.instant()))
                .update();
        String changedAt = DbTime.param(clock.instant());
        jdbc.sql("INSERT INTO recurring_month (campaign_id, livemode, month_key, kind, units, movements, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, 1, ?) "
                        + "ON DUPLICATE KEY UPDATE units = units + ?, movements = movements + 1, updated_at = ?")
                .params(
                        donation.campaignId(),
                        donation.livemode(),
                        month.toString(),
                        kind.name(),
                        now - before,
                        changedAt,
                        now - before,
                        changedAt)
                .update();
        cohorts.moved(donation, kind, month);
        events.publishEvent(new CommitmentChanged(donation.campaignId()));
    }

    /** Names a change: the rules by which the recurring view sorts its movements. */
    static Kind kind(Donation donation, long before, long now, Kind previous) {
        if (before == 0) {
            return previous == null ? Kind.NEW : previous == Kind.PAUSE ? Kind.RESUME : Kind.REACTIVATION;
        }
        if (now == 0) {
            boolean ended = donation.status() != DonationStatus.SUCCEEDED
                    || Donation.ENDED_STATES.contains(donation.subscriptionStatus());
            return donation.collectionPaused() && !ended ? Kind.PAUSE : Kind.CHURN;
        }
        return now > before ? Kind.EXPANSION : Kind.CONTRACTION;
    }

    private record Last(long units, Kind kind) {}
}
