package org.goalpost.progress;

import java.time.Clock;
import java.time.Instant;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Period;
import org.goalpost.campaign.PeriodKey;
import org.goalpost.donation.Donations;
import org.goalpost.donation.PeriodTotals;
import org.goalpost.donation.Pledges;
import org.goalpost.donation.Totals;
import org.goalpost.shared.mode.AppMode;
import org.goalpost.shared.money.Money;
import org.springframework.stereotype.Service;

/** Builds a campaign's public progress from its kept totals and recurring figures, for the app's mode. */
@Service
public class ProgressService {

    private final Totals totals;
    private final Donations donations;
    private final Pledges pledges;
    private final AppMode mode;
    private final Clock clock;

    ProgressService(Totals totals, Donations donations, Pledges pledges, AppMode mode, Clock clock) {
        this.pledges = pledges;
        this.totals = totals;
        this.donations = donations;
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

    /**
     * The figure the bar shows, by the campaign's goal type: money raised in the period (as of the end date, when a
     * raised goal past it does not show late money), monthly recurring revenue now, or donors in the period.
     */
    private CampaignProgress of(Campaign campaign, Period period, boolean livemode) {
        PeriodTotals figures = totals.of(campaign, period.key(), livemode);
        Money raised = figures.raised(campaign.countBasis());
        long shown = switch (campaign.goalType()) {
            case RAISED -> {
                Instant frozen = campaign.barFrozenAt(clock.instant());
                yield frozen == null
                        ? raised.minor()
                        : totals.raisedUntil(campaign, period.key(), livemode, frozen)
                                .minor();
            }
            case RECURRING -> donations.committedMonthly(campaign.id(), livemode);
            case DONORS -> figures.donorCount();
        };
        Money pledged = campaign.showsPledged()
                ? campaign.money(pledges.of(campaign, period.key(), livemode).totalMinor())
                : null;
        return new CampaignProgress(
                campaign, period, figures, raised, campaign.tiers().progressAt(shown), pledged);
    }
}
