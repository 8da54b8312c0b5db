package org.goalpost.progress;

import java.text.NumberFormat;
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
 * in the campaign's amount style: {@code 0 $ · 2,500 $ · 5,000 $} and {@code 895 $ raised}. What the bar measures
 * is {@code goalType} ({@code raised}, {@code recurring}, {@code donors}); {@code raised} is the figure it shows,
 * written as its unit wants (money, or a count: {@code 212}), and the words around it come from the messages
 * {@link #valueKey}, {@link #afterKey} and {@link #valuetextKey} ({@code 820 $ / month in recurring support},
 * {@code 212 donors}).
 */
public record ProgressBarView(
        String goalType,
        String raised,
        String goal,
        String fillPercent,
        int fillBasisPoints,
        long raisedMinor,
        long goalMinor,
        List<MarkerView> markers,
        String periodLabel,
        long donorCount,
        long donationCount,
        String pledged) {

    public record MarkerView(
            String amount,
            long amountMinor,
            String label,
            String description,
            String leftPercent,
            int positionBasisPoints,
            boolean reached,
            boolean start) {}

    /** The highest tier reached (the start of the bar aside), or null while none is. */
    public MarkerView reachedTier() {
        MarkerView reached = null;
        for (MarkerView marker : markers) {
            if (marker.reached() && !marker.start()) {
                reached = marker;
            }
        }
        return reached;
    }

    /** The next tier to reach, or null once the last one is. */
    public MarkerView nextTier() {
        return markers.stream().filter(m -> !m.reached()).findFirst().orElse(null);
    }

    /** The message that writes the figure: {@code {0}}, {@code {0} / month}. */
    public String valueKey() {
        return "bar.value." + goalType;
    }

    /** The message after the figure: {@code raised}, {@code in recurring support}, {@code donors} (or one donor). */
    public String afterKey() {
        return "bar.after." + goalType + ("donors".equals(goalType) && raisedMinor == 1 ? ".one" : "");
    }

    /** The message a screen reader hears for the bar, of the figure and the goal. */
    public String valuetextKey() {
        return "bar.valuetext." + goalType;
    }

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
                campaign.goalType().word(),
                format(campaign, progress.raisedMinor(), locale),
                format(campaign, progress.goalMinor(), locale),
                progress.fillCssPercent(),
                progress.fillBasisPoints(),
                progress.raisedMinor(),
                progress.goalMinor(),
                markers,
                periodLabel,
                view.totals().donorCount(),
                view.totals().donationCount(),
                view.pledged() == null ? null : MoneyFormatter.format(view.pledged(), locale, campaign.amountStyle()));
    }

    /** An amount of the bar's unit: money in the campaign's style, or a count. */
    private static String format(Campaign campaign, long value, Locale locale) {
        return campaign.goalType().isMoney()
                ? MoneyFormatter.format(Money.of(value, campaign.currency()), locale, campaign.amountStyle())
                : NumberFormat.getIntegerInstance(locale).format(value);
    }
}
