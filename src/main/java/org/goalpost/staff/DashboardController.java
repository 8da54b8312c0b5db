package org.goalpost.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.campaign.PeriodKey;
import org.goalpost.donation.DailyTotal;
import org.goalpost.donation.Totals;
import org.goalpost.payment.ParkedItems;
import org.goalpost.shared.mode.AppMode;
import org.goalpost.shared.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** {@code /staff}: every campaign's current period, figures and chart. */
@Controller
class DashboardController {

    private final Campaigns campaigns;
    private final CampaignOverview.Builder overviews;
    private final Totals totals;
    private final AppMode appMode;
    private final ParkedItems parked;

    DashboardController(
            Campaigns campaigns,
            CampaignOverview.Builder overviews,
            Totals totals,
            AppMode appMode,
            ParkedItems parked) {
        this.campaigns = campaigns;
        this.overviews = overviews;
        this.totals = totals;
        this.appMode = appMode;
        this.parked = parked;
    }

    @GetMapping({"/staff", "/staff/"})
    String dashboard(HttpSession session, Model model) {
        boolean live = StaffPageAdvice.livemode(session, appMode);
        model.addAttribute(
                "overviews",
                campaigns.findAll().stream().map(c -> overviews.of(c, live)).toList());
        model.addAttribute("parkedCount", StaffPageAdvice.isAdmin() ? parked.parkedCount() : 0);
        return "staff/dashboard";
    }

    /** The live/test switch of the staff pages (a POST, with the page's CSRF token: a link cannot change it). */
    @PostMapping("/staff/mode")
    String mode(
            @RequestParam(required = false) String mode,
            @RequestParam(required = false) String back,
            HttpServletRequest request) {
        return StaffPageAdvice.switchMode(mode, back, request);
    }

    /** Raised per day over a period, and the tiers, for the dashboard's chart (drawn by uPlot, served by the app). */
    @GetMapping("/staff/campaigns/{slug}/chart.json")
    @ResponseBody
    Map<String, Object> chart(
            @PathVariable String slug, @RequestParam(required = false) String period, HttpSession session) {
        Campaign campaign = campaigns.find(slug).orElseThrow(() -> new NotFoundException("No campaign '" + slug + "'"));
        boolean live = StaffPageAdvice.livemode(session, appMode);
        PeriodKey key = period == null || period.isBlank()
                ? campaign.periodAt(java.time.Instant.now()).key()
                : PeriodKey.parse(period);
        List<Long> days = new ArrayList<>();
        List<Long> daily = new ArrayList<>();
        List<Long> cumulative = new ArrayList<>();
        long sum = 0;
        for (DailyTotal day : totals.daily(campaign, key, live)) {
            sum += day.raisedMinor();
            days.add(day.day().atStartOfDay(campaign.timeZone()).toEpochSecond());
            daily.add(day.raisedMinor());
            cumulative.add(sum);
        }
        return Map.of(
                "currency",
                campaign.currency().getCurrencyCode(),
                "period",
                key.value(),
                "days",
                days,
                "daily",
                daily,
                "cumulative",
                cumulative,
                "tiers",
                campaign.tiers().asList().stream()
                        .map(t -> Map.of("amountMinor", t.amountMinor(), "label", t.label()))
                        .toList());
    }
}
