package org.goalpost.donation;

import java.time.Instant;
import java.util.List;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.PeriodKey;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the kept totals of a campaign. */
@Service
public class Totals {

    private final TotalsRepository repository;
    private final JdbcClient jdbc;

    Totals(TotalsRepository repository, JdbcClient jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    /** The totals of one period and mode; zero when nothing was recorded there. */
    public PeriodTotals of(Campaign campaign, PeriodKey period, boolean livemode) {
        return repository
                .find(campaign.id(), period, livemode)
                .orElseGet(() -> PeriodTotals.empty(campaign.id(), period, livemode, campaign.currency()));
    }

    /**
     * What the bar of a period showed at {@code until}: the ledger's money of that period and mode that happened
     * before it (after fees on a net campaign). For a campaign whose bar stands still at its end date.
     */
    public Money raisedUntil(Campaign campaign, PeriodKey period, boolean livemode, Instant until) {
        return jdbc.sql("SELECT COALESCE(SUM(amount_minor), 0) AS raised, COALESCE(SUM(fee_minor), 0) AS fees "
                        + "FROM ledger_entry WHERE campaign_id = ? AND livemode = ? AND period_key = ? AND "
                        + "occurred_at < ?")
                .params(campaign.id(), livemode, period.value(), DbTime.param(until))
                .query((rs, n) -> Money.of(
                        PeriodTotals.raisedMinor(campaign.countBasis(), rs.getLong("raised"), rs.getLong("fees")),
                        campaign.currency()))
                .single();
    }

    /** Money per day of one period and mode, for charts. */
    public List<DailyTotal> daily(Campaign campaign, PeriodKey period, boolean livemode) {
        return repository.daily(campaign.id(), period, livemode);
    }

    /** Every period with money, newest first. */
    public List<PeriodTotals> periods(Campaign campaign, boolean livemode) {
        return repository.periods(campaign.id(), livemode);
    }
}
