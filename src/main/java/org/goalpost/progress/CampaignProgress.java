package org.goalpost.progress;

import java.time.Instant;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Period;
import org.goalpost.campaign.Progress;
import org.goalpost.donation.PeriodTotals;
import org.goalpost.shared.money.Money;

/**
 * What the public sees of a campaign in one period: the figures, the bar, and when they last changed; {@code
 * pledged}, the first-year value of its gifts, only for a campaign that shows it (else null).
 */
public record CampaignProgress(
        Campaign campaign, Period period, PeriodTotals totals, Money raised, Progress progress, Money pledged) {

    /** Progress without a pledged figure. */
    public CampaignProgress(Campaign campaign, Period period, PeriodTotals totals, Money raised, Progress progress) {
        this(campaign, period, totals, raised, progress, null);
    }

    /** The later of the campaign's last edit and its totals' last change. */
    public Instant updatedAt() {
        Instant totalsChanged = totals.updatedAt();
        if (totalsChanged == null || totalsChanged.isBefore(campaign.updatedAt())) {
            return campaign.updatedAt();
        }
        return totalsChanged;
    }
}
