package org.goalpost.staff;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.goalpost.attribution.AttributionReport;
import org.goalpost.audit.AuditLog;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.shared.mode.AppMode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The attribution page (issue 13): the top pages and placements of a campaign over a range of days, with views,
 * clicks, checkouts, donations, money and conversion (donations per 1,000 views), a chart of views and money per day,
 * and the CSV of any grouping.
 */
@Controller
class AttributionController {

    static final String[] COLUMNS = {
        "campaign",
        "by",
        "key",
        "from",
        "to",
        "livemode",
        "currency",
        "views",
        "clicks",
        "checkouts",
        "donations",
        "donors",
        "raised_minor",
        "recurring_donations"
    };

    /** One day's bar in the chart: its height in percent of the busiest day, and what it says. */
    record Bar(String day, long viewsPercent, long moneyPercent, String title) {}

    private final Campaigns campaigns;
    private final AttributionReport report;
    private final AppMode appMode;
    private final AuditLog audit;
    private final Fmt fmt;
    private final Clock clock;

    AttributionController(
            Campaigns campaigns, AttributionReport report, AppMode appMode, AuditLog audit, Fmt fmt, Clock clock) {
        this.campaigns = campaigns;
        this.report = report;
        this.appMode = appMode;
        this.audit = audit;
        this.fmt = fmt;
        this.clock = clock;
    }

    @GetMapping("/staff/campaigns/{slug}/attribution")
    String page(
            @PathVariable String slug,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            HttpSession session,
            Model model) {
        Campaign campaign = StaffApiController.campaign(campaigns, slug);
        AttributionRange range = AttributionRange.of(from, to, campaign, clock);
        boolean live = StaffPageAdvice.livemode(session, appMode);
        AttributionReport.Report pages = report.of(campaign, AttributionReport.By.PAGE, range.from(), range.to(), live);
        AttributionReport.Report placements =
                report.of(campaign, AttributionReport.By.PLACEMENT, range.from(), range.to(), live);
        long topViews = pages.days().stream()
                .mapToLong(AttributionReport.Day::views)
                .max()
                .orElse(0);
        long topMoney = pages.days().stream()
                .mapToLong(AttributionReport.Day::raisedMinor)
                .max()
                .orElse(0);
        List<Bar> bars = pages.days().stream()
                .map(d -> new Bar(
                        d.day().toString(),
                        topViews <= 0 ? 0 : d.views() * 100 / topViews,
                        topMoney <= 0 ? 0 : Math.max(0, d.raisedMinor()) * 100 / topMoney,
                        d.day() + ": " + d.views() + " views, " + d.clicks() + " clicks, "
                                + fmt.money(d.raisedMinor(), campaign)))
                .toList();
        model.addAttribute("campaign", campaign);
        model.addAttribute("range", range);
        model.addAttribute("pages", pages);
        model.addAttribute("placements", placements);
        model.addAttribute("bars", bars);
        return "staff/attribution";
    }

    @GetMapping("/staff/campaigns/{slug}/attribution.csv")
    void csv(
            @PathVariable String slug,
            @RequestParam(required = false) String by,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            HttpSession session,
            HttpServletResponse response)
            throws IOException {
        Campaign campaign = StaffApiController.campaign(campaigns, slug);
        AttributionReport.By grouping = AttributionReport.By.of(by);
        AttributionRange range = AttributionRange.of(from, to, campaign, clock);
        boolean live = StaffPageAdvice.livemode(session, appMode);
        AttributionReport.Report r = report.of(campaign, grouping, range.from(), range.to(), live);
        String word = by == null || by.isBlank() ? "page" : by.strip();
        audit.record("export.attribution", slug, "by=" + word + " livemode=" + live);
        ExportController.start(response, "goalpost-attribution-" + slug + "-" + word + ".csv");
        try (CSVPrinter csv = ExportController.printer(response, COLUMNS)) {
            for (AttributionReport.Row row : r.rows()) {
                csv.printRecord(
                        slug,
                        word,
                        row.key(),
                        range.from(),
                        range.to(),
                        live,
                        campaign.currency().getCurrencyCode(),
                        row.views(),
                        row.clicks(),
                        row.checkouts(),
                        row.donations(),
                        row.donors(),
                        row.raisedMinor(),
                        row.recurringDonations());
            }
            csv.printRecord(
                    slug,
                    word,
                    "(unattributed)",
                    range.from(),
                    range.to(),
                    live,
                    campaign.currency().getCurrencyCode(),
                    0,
                    0,
                    0,
                    0,
                    0,
                    r.unattributedMinor(),
                    0);
        }
    }
}
