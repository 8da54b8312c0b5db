package org.goalpost.progress;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Progress;
import org.goalpost.shared.money.Money;
import org.goalpost.shared.money.MoneyFormatter;

/**
 * The tier bar as a page draws it, with every amount already written for the reader's locale
 * in the campaign's amount style: {@code 0 $ · 2,500 $ · 5,000 $} and {@code 895 $ raised}.
 */
public record ProgressBarView(
        String raised,
        String goal,
        String fillPercent,
        int fillBasisPoints,
        long raisedMinor,
        long goalMinor,
        List<MarkerView> markers,
        String periodLabel,
        long donorCount,
        long donationCount) {

    public record MarkerView(
            String amount,
            long amountMinor,
            String label,
            String description,
            String leftPercent,
            int positionBasisPoints,
            boolean reached,
            boolean start) {}

    public static ProgressBarView of(CampaignProgress view, Locale locale) {
        Campaign campaign = view.campaign();
        Progress progress = view.progress();
        List<MarkerView> markers = new ArrayList<>();
        markers.add(new MarkerView(format(campaign, 0, locale), 0, null, null, "0%", 0, true, true));
        progress.markers()
                .forEach(m -> markers.add(new MarkerView(
                        format(campaign, m.tier().amountMinor(), locale),
                        m.tier().amountMinor(),
                        m.tier().label(),
                        m.tier().description(),
                        m.cssPercent(),
                        m.positionBasisPoints(),
                        m.reached(),
                        false)));
        String periodLabel = view.period().isBounded()
                ? DateTimeFormatter.ofPattern("LLLL yyyy", locale)
                        .format(view.period().key().month())
                : null;
        return new ProgressBarView(
                MoneyFormatter.format(view.raised(), locale, campaign.amountStyle()),
                format(campaign, progress.goalMinor(), locale),
                progress.fillCssPercent(),
                progress.fillBasisPoints(),
                progress.raisedMinor(),
                progress.goalMinor(),
                markers,
                periodLabel,
                view.totals().donorCount(),
                view.totals().donationCount());
    }

    private static String format(Campaign campaign, long minor, Locale locale) {
        return MoneyFormatter.format(Money.of(minor, campaign.currency()), locale, campaign.amountStyle());
    }
}
