package org.goalpost.progress;

import java.time.Clock;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Period;
import org.goalpost.campaign.PeriodKey;
import org.goalpost.donation.PeriodTotals;
import org.goalpost.donation.Totals;
import org.goalpost.shared.mode.AppMode;
import org.goalpost.shared.money.Money;
import org.springframework.stereotype.Service;

/** Builds a campaign's public progress from its kept totals, for the app's mode. */
@Service
public class ProgressService {

    private final Totals totals;
    private final AppMode mode;
    private final Clock clock;

    ProgressService(Totals totals, AppMode mode, Clock clock) {
        this.totals = totals;
        this.mode = mode;
        this.clock = clock;
    }

    /** Progress in the period running now. */
    public CampaignProgress current(Campaign campaign) {
        return of(campaign, campaign.periodAt(clock.instant()), mode.isLive());
    }

    /** Progress in the period running now, of live or of test money (the staff pages' switch). */
    public CampaignProgress current(Campaign campaign, boolean livemode) {
        return of(campaign, campaign.periodAt(clock.instant()), livemode);
    }

    /** Progress in a given period, past or present. */
    public CampaignProgress of(Campaign campaign, PeriodKey key) {
        return of(campaign, campaign.period(key), mode.isLive());
    }

    public CampaignProgress of(Campaign campaign, PeriodKey key, boolean livemode) {
        return of(campaign, campaign.period(key), livemode);
    }

    private CampaignProgress of(Campaign campaign, Period period, boolean livemode) {
        PeriodTotals figures = totals.of(campaign, period.key(), livemode);
        Money raised = figures.raised(campaign.countBasis());
        return new CampaignProgress(
                campaign, period, figures, raised, campaign.tiers().progressAt(raised.minor()));
    }
}
