package org.goalpost.staff;

import java.util.List;
import java.util.Locale;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.PeriodKind;
import org.goalpost.donation.Donations;
import org.goalpost.donation.PeriodTotals;
import org.goalpost.donation.Totals;
import org.goalpost.progress.CampaignProgress;
import org.goalpost.progress.ProgressBarView;
import org.goalpost.progress.ProgressService;
import org.springframework.stereotype.Component;

/** One campaign on the dashboard: its current period against its tiers, and the figures staff answer for. */
record CampaignOverview(
        Campaign campaign,
        ProgressBarView bar,
        PeriodTotals totals,
        long percentOfGoalBasisPoints,
        long committedMonthly,
        long committedYearly,
        Long pledgedMinor,
        List<PeriodTotals> previousPeriods) {

    /** Builds overviews from the kept totals (one or two small queries per campaign). */
    @Component
    static class Builder {

        private final ProgressService progress;
        private final Totals totals;
        private final Donations donations;

        Builder(ProgressService progress, Totals totals, Donations donations) {
            this.progress = progress;
            this.totals = totals;
            this.donations = donations;
        }

        CampaignOverview of(Campaign campaign, boolean livemode) {
            CampaignProgress current = progress.current(campaign, livemode);
            List<PeriodTotals> previous = campaign.periodKind() == PeriodKind.MONTHLY
                    ? totals.periods(campaign, livemode).stream()
                            .filter(t -> !t.period().equals(current.period().key()))
                            .toList()
                    : List.of();
            return new CampaignOverview(
                    campaign,
                    ProgressBarView.of(current, Locale.US),
                    current.totals(),
                    current.progress().percentOfGoalBasisPoints(),
                    donations.committedMonthly(campaign.id(), livemode),
                    donations.committedYearly(campaign.id(), livemode),
                    current.pledged() == null ? null : current.pledged().minor(),
                    previous);
        }
    }
}
