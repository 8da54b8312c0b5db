package org.goalpost.staff;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.donation.RecurringRevenue;
import org.goalpost.shared.mode.AppMode;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff API's recurring revenue (issue 12): one campaign's view, and every campaign's per currency. API tokens
 * of either role, like the rest of {@code /api/staff}.
 */
@RestController
@SecurityRequirement(name = ApiDocumentation.STAFF_TOKEN)
@RequestMapping(path = "/api/staff", produces = MediaType.APPLICATION_JSON_VALUE)
class RecurringApiController {

    /** A campaign's recurring revenue: now, and month by month (the current month first). */
    record RecurringJson(
            String campaign,
            boolean livemode,
            String currency,
            long mrrMinor,
            long arrMinor,
            Active active,
            long paused,
            List<RecurringRevenue.Month> months,
            Map<String, Long> cancellationReasons,
            RecurringRevenue.Renewals renewalsNext30Days,
            List<CohortJson> cohorts) {

        record Active(long month, long year) {}

        /**
         * A cohort: donors who started in {@code month}; {@code retained[k]} of them still donors k months later
         * ({@code retainedPercent[k]} of the cohort, rounded down to a hundredth); the money they brought.
         */
        record CohortJson(
                String month,
                long donors,
                List<Long> retained,
                List<java.math.BigDecimal> retainedPercent,
                long lifetimeValueMinor,
                long averageLifetimeValueMinor) {

            static CohortJson of(RecurringRevenue.Cohort c) {
                return new CohortJson(
                        c.month().toString(),
                        c.donors(),
                        c.retained(),
                        java.util.stream.IntStream.range(0, c.retained().size())
                                .mapToObj(k -> java.math.BigDecimal.valueOf(c.retainedBasisPoints(k), 2))
                                .toList(),
                        c.valueMinor(),
                        c.averageValueMinor());
            }
        }

        static RecurringJson of(Campaign campaign, boolean live, RecurringRevenue.Report r) {
            return of(campaign.slug(), live, campaign.currency().getCurrencyCode(), r);
        }

        /** {@code campaign}: the campaign's slug, or null for all campaigns in the currency. */
        static RecurringJson of(String campaign, boolean live, String currency, RecurringRevenue.Report r) {
            return new RecurringJson(
                    campaign,
                    live,
                    currency,
                    r.mrrMinor(),
                    r.arrMinor(),
                    new Active(r.activeMonthly(), r.activeYearly()),
                    r.paused(),
                    r.months(),
                    r.cancellationReasons().entrySet().stream()
                            .collect(Collectors.toMap(
                                    e -> e.getKey().name().toLowerCase(Locale.ROOT),
                                    Map.Entry::getValue,
                                    (a, b) -> a,
                                    java.util.TreeMap::new)),
                    r.renewalsNext30Days(),
                    r.cohorts().stream().map(CohortJson::of).toList());
        }
    }

    private final Campaigns campaigns;
    private final RecurringRevenue recurring;
    private final AppMode appMode;

    RecurringApiController(Campaigns campaigns, RecurringRevenue recurring, AppMode appMode) {
        this.campaigns = campaigns;
        this.recurring = recurring;
        this.appMode = appMode;
    }

    /**
     * Recurring revenue of live or test money ({@code ?mode=}): monthly and yearly now, donations collecting
     * and paused, and the last 24 months' movements.
     */
    @GetMapping("/campaigns/{slug}/recurring")
    RecurringJson recurring(@PathVariable String slug, @RequestParam(required = false) String mode) {
        Campaign campaign = campaign(slug);
        boolean live = live(mode);
        return RecurringJson.of(campaign, live, recurring.of(campaign, live));
    }

    /** Every campaign's recurring revenue, per currency (one entry per currency campaigns count in). */
    record AllRecurringJson(boolean livemode, List<CurrencyRecurring> currencies) {

        record CurrencyRecurring(String currency, List<String> campaigns, RecurringJson recurring) {}
    }

    /**
     * The all-campaigns recurring view of live or test money: for each currency, its campaigns' recurring revenue
     * summed exactly (monthly figures rounded once from the summed yearly units).
     */
    @GetMapping("/recurring")
    AllRecurringJson allRecurring(@RequestParam(required = false) String mode) {
        boolean live = live(mode);
        Map<String, List<Campaign>> byCurrency = RecurringController.byCurrency(campaigns);
        return new AllRecurringJson(
                live,
                byCurrency.entrySet().stream()
                        .map(e -> new AllRecurringJson.CurrencyRecurring(
                                e.getKey(),
                                e.getValue().stream()
                                        .map(Campaign::slug)
                                        .sorted()
                                        .toList(),
                                RecurringJson.of(null, live, e.getKey(), recurring.of(e.getValue(), live))))
                        .toList());
    }

    private boolean live(String mode) {
        return StaffApiController.live(mode, appMode);
    }

    private Campaign campaign(String slug) {
        return StaffApiController.campaign(campaigns, slug);
    }
}
