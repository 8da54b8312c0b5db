package org.goalpost.donation;

import java.util.List;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.PeriodKey;
import org.springframework.stereotype.Service;

/** Reads the kept totals of a campaign. */
@Service
public class Totals {

    private final TotalsRepository repository;

    Totals(TotalsRepository repository) {
        this.repository = repository;
    }

    /** The totals of one period and mode; zero when nothing was recorded there. */
    public PeriodTotals of(Campaign campaign, PeriodKey period, boolean livemode) {
        return repository
                .find(campaign.id(), period, livemode)
                .orElseGet(() -> PeriodTotals.empty(campaign.id(), period, livemode, campaign.currency()));
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
