package org.goalpost.progress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goalpost.campaign.Ask;
import org.goalpost.campaign.AskExperiment;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.CampaignRules;
import org.goalpost.donation.DonationPolicy;

/**
 * What a campaign's donate form offers, in its public JSON, for the widget's donate dialog: the headline (or null),
 * the accent colour (or null), the frequency offered first, per frequency the amounts (minor units) with their impact
 * lines and the preselected one, the smallest and largest gift, and the variants of a running experiment (else none).
 */
record AskJson(
        String headline,
        String accent,
        String defaultInterval,
        Map<String, List<Amount>> amounts,
        long minimumMinor,
        long maximumMinor,
        List<VariantJson> variants) {

    record Amount(long amountMinor, String impact, boolean preselected) {}

    /**
     * A variant of the running experiment: the widget shows one at random by {@code sharePercent}; {@code key} is the
     * variant's tag ({@code e12-b}), which its views, clicks and checkouts carry.
     */
    record VariantJson(
            String key, int sharePercent, String headline, String defaultInterval, Map<String, List<Amount>> amounts) {}

    static AskJson of(DonationPolicy policy, Campaign campaign) {
        Ask ask = policy.ask(campaign);
        AskExperiment running = ask.experiment();
        return new AskJson(
                ask.headline(),
                ask.accent(),
                campaign.defaultInterval(),
                amounts(ask),
                policy.minimum(campaign).minor(),
                policy.maximum(campaign).minor(),
                running == null
                        ? List.of()
                        : running.variants().stream()
                                .map(v -> {
                                    Ask shown = policy.ask(campaign, v);
                                    return new VariantJson(
                                            running.tag(v),
                                            v.sharePercent(),
                                            shown.headline(),
                                            v.defaultInterval(),
                                            amounts(shown));
                                })
                                .toList());
    }

    private static Map<String, List<Amount>> amounts(Ask ask) {
        Map<String, List<Amount>> amounts = new LinkedHashMap<>();
        for (String frequency : CampaignRules.INTERVALS) {
            amounts.put(
                    frequency,
                    ask.amounts(frequency).stream()
                            .map(a -> new Amount(a.amountMinor(), a.impact(), a.preselected()))
                            .toList());
        }
        return amounts;
    }
}
