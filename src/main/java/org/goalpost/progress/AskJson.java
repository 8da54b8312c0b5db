package org.goalpost.progress;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goalpost.campaign.Ask;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.CampaignRules;
import org.goalpost.donation.DonationPolicy;

/**
 * What a campaign's donate form offers, in its public JSON, for the widget's donate dialog: the headline (or null),
 * the accent colour (or null), the frequency offered first, per frequency the amounts (minor units) with their impact
 * lines and the preselected one, and the smallest and largest gift.
 */
record AskJson(
        String headline,
        String accent,
        String defaultInterval,
        Map<String, List<Amount>> amounts,
        long minimumMinor,
        long maximumMinor) {

    record Amount(long amountMinor, String impact, boolean preselected) {}

    static AskJson of(DonationPolicy policy, Campaign campaign) {
        Ask ask = policy.ask(campaign);
        Map<String, List<Amount>> amounts = new LinkedHashMap<>();
        for (String frequency : CampaignRules.INTERVALS) {
            amounts.put(
                    frequency,
                    ask.amounts(frequency).stream()
                            .map(a -> new Amount(a.amountMinor(), a.impact(), a.preselected()))
                            .toList());
        }
        return new AskJson(
                ask.headline(),
                ask.accent(),
                campaign.defaultInterval(),
                amounts,
                policy.minimum(campaign).minor(),
                policy.maximum(campaign).minor());
    }
}
