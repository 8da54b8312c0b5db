package org.goalpost.staff;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVPrinter;
import org.goalpost.audit.AuditLog;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.donation.RecurringRevenue;
import org.goalpost.shared.mode.AppMode;
import org.goalpost.shared.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /staff/campaigns/{slug}/recurring}: a campaign's recurring revenue for staff (the figures of
 * {@code GET /api/staff/campaigns/{slug}/recurring}, a bar per month and the table), and its CSV.
 */
@Controller
class RecurringController {

    static final String[] MONTH_COLUMNS = {
        "campaign",
        "month",
        "livemode",
        "currency",
        "mrr_minor",
        "new_mrr_minor",
        "expansion_mrr_minor",
        "contraction_mrr_minor",
        "churned_mrr_minor",
        "reactivated_mrr_minor",
        "paused_mrr_minor",
        "resumed_mrr_minor",
        "new_donors",
        "churned_donors",
        "failed_instalments",
        "recovered_instalments",
        "lost_instalments"
    };

    /** One bar of the month-end chart: its month, its height in the drawing (0–100) and its label. */
    record Bar(String month, long height, String label) {}

    private final Campaigns campaigns;
    private final RecurringRevenue recurring;
    private final AuditLog audit;
    private final AppMode appMode;
    private final Fmt fmt;

    RecurringController(Campaigns campaigns, RecurringRevenue recurring, AuditLog audit, AppMode appMode, Fmt fmt) {
        this.campaigns = campaigns;
        this.recurring = recurring;
        this.audit = audit;
        this.appMode = appMode;
        this.fmt = fmt;
    }

    /** What a recurring view covers: one campaign, or every campaign in one currency. */
    record Scope(
            String title,
            String zone,
            java.util.Currency currency,
            org.goalpost.shared.money.AmountStyle style,
            String monthsCsv,
            String cohortsCsv) {}

    @GetMapping("/staff/campaigns/{slug}/recurring")
    String page(@PathVariable String slug, HttpSession session, Model model) {
        Campaign campaign = campaign(slug);
        return page(
                new Scope(
                        campaign.title(),
                        campaign.timeZone().getId(),
                        campaign.currency(),
                        campaign.amountStyle(),
                        "/staff/campaigns/" + slug + "/recurring.csv",
                        "/staff/campaigns/" + slug + "/cohorts.csv"),
                recurring.of(campaign, StaffPageAdvice.livemode(session, appMode)),
                null,
                model);
    }

    /**
     * Every campaign's recurring revenue in one currency ({@code ?currency=}, the first one by default), summed
     * exactly: the all-campaigns view.
     */
    @GetMapping("/staff/recurring")
    String all(@RequestParam(required = false) String currency, HttpSession session, Model model) {
        Map<String, List<Campaign>> byCurrency = byCurrency(campaigns);
        List<String> currencies = List.copyOf(byCurrency.keySet());
        if (currencies.isEmpty()) {
            throw new NotFoundException("No campaign yet");
        }
        String chosen = chosen(currency, currencies);
        List<Campaign> group = byCurrency.get(chosen);
        return page(
                new Scope(
                        "all campaigns in " + chosen,
                        zoneOf(group),
                        group.get(0).currency(),
                        group.stream().map(Campaign::amountStyle).distinct().count() == 1
                                ? group.get(0).amountStyle()
                                : org.goalpost.shared.money.AmountStyle.LOCALE,
                        "/staff/recurring.csv?currency=" + chosen,
                        "/staff/recurring/cohorts.csv?currency=" + chosen),
                recurring.of(group, StaffPageAdvice.livemode(session, appMode)),
                currencies,
                model);
    }

    private String page(Scope scope, RecurringRevenue.Report report, List<String> currencies, Model model) {
        long top = report.months().stream()
                .mapToLong(RecurringRevenue.Month::mrrMinor)
                .max()
                .orElse(0);
        List<RecurringRevenue.Month> oldestFirst = new ArrayList<>(report.months());
        Collections.reverse(oldestFirst);
        List<Bar> bars = oldestFirst.stream()
                .map(m -> new Bar(
                        m.month().toString(),
                        top <= 0 ? 0 : Math.max(0, m.mrrMinor()) * 100 / top,
                        m.month() + ": " + fmt.money(m.mrrMinor(), scope.currency(), scope.style()) + " a month"))
                .toList();
        model.addAttribute("scope", scope);
        model.addAttribute("currencies", currencies);
        model.addAttribute("report", report);
        model.addAttribute("bars", bars);
        model.addAttribute(
                "cohortColumns",
                report.cohorts().stream()
                        .mapToInt(c -> c.retained().size())
                        .max()
                        .orElse(1));
        return "staff/recurring";
    }

    @GetMapping("/staff/campaigns/{slug}/recurring.csv")
    void csv(@PathVariable String slug, HttpSession session, HttpServletResponse response) throws IOException {
        Campaign campaign = campaign(slug);
        boolean live = StaffPageAdvice.livemode(session, appMode);
        audit.record("export.recurring", slug, "livemode=" + live);
        writeMonths(
                slug, live, campaign.currency(), recurring.of(campaign, live), "goalpost-recurring-" + slug, response);
    }

    @GetMapping("/staff/recurring.csv")
    void allCsv(@RequestParam(required = false) String currency, HttpSession session, HttpServletResponse response)
            throws IOException {
        Map<String, List<Campaign>> byCurrency = byCurrency(campaigns);
        String chosen = chosen(currency, List.copyOf(byCurrency.keySet()));
        List<Campaign> group = byCurrency.get(chosen);
        boolean live = StaffPageAdvice.livemode(session, appMode);
        audit.record("export.recurring", "*", "currency=" + chosen + " livemode=" + live);
        writeMonths(
                "*",
                live,
                group.get(0).currency(),
                recurring.of(group, live),
                "goalpost-recurring-" + chosen,
                response);
    }

    private static void writeMonths(
            String scope,
            boolean live,
            java.util.Currency currency,
            RecurringRevenue.Report report,
            String file,
            HttpServletResponse response)
            throws IOException {
        ExportController.start(response, file + ".csv");
        try (CSVPrinter csv = ExportController.printer(response, MONTH_COLUMNS)) {
            for (RecurringRevenue.Month m : report.months()) {
                csv.printRecord(
                        scope,
                        m.month(),
                        live,
                        currency.getCurrencyCode(),
                        m.mrrMinor(),
                        m.newMrrMinor(),
                        m.expansionMrrMinor(),
                        m.contractionMrrMinor(),
                        m.churnedMrrMinor(),
                        m.reactivatedMrrMinor(),
                        m.pausedMrrMinor(),
                        m.resumedMrrMinor(),
                        m.newDonors(),
                        m.churnedDonors(),
                        m.failedInstalments(),
                        m.recoveredInstalments(),
                        m.lostInstalments());
            }
        }
    }

    static final String[] COHORT_COLUMNS = {
        "campaign",
        "cohort",
        "livemode",
        "currency",
        "donors",
        "months_since",
        "retained",
        "retained_share_bp",
        "lifetime_value_minor",
        "average_lifetime_value_minor"
    };

    /** The cohorts of the recurring view, one row per cohort and month since its start. */
    @GetMapping("/staff/campaigns/{slug}/cohorts.csv")
    void cohorts(@PathVariable String slug, HttpSession session, HttpServletResponse response) throws IOException {
        Campaign campaign = campaign(slug);
        boolean live = StaffPageAdvice.livemode(session, appMode);
        audit.record("export.cohorts", slug, "livemode=" + live);
        writeCohorts(
                slug, live, campaign.currency(), recurring.of(campaign, live), "goalpost-cohorts-" + slug, response);
    }

    @GetMapping("/staff/recurring/cohorts.csv")
    void allCohorts(@RequestParam(required = false) String currency, HttpSession session, HttpServletResponse response)
            throws IOException {
        Map<String, List<Campaign>> byCurrency = byCurrency(campaigns);
        String chosen = chosen(currency, List.copyOf(byCurrency.keySet()));
        List<Campaign> group = byCurrency.get(chosen);
        boolean live = StaffPageAdvice.livemode(session, appMode);
        audit.record("export.cohorts", "*", "currency=" + chosen + " livemode=" + live);
        writeCohorts(
                "*", live, group.get(0).currency(), recurring.of(group, live), "goalpost-cohorts-" + chosen, response);
    }

    private static void writeCohorts(
            String scope,
            boolean live,
            java.util.Currency currency,
            RecurringRevenue.Report report,
            String file,
            HttpServletResponse response)
            throws IOException {
        ExportController.start(response, file + ".csv");
        try (CSVPrinter csv = ExportController.printer(response, COHORT_COLUMNS)) {
            for (RecurringRevenue.Cohort c : report.cohorts()) {
                for (int k = 0; k < c.retained().size(); k++) {
                    csv.printRecord(
                            scope,
                            c.month(),
                            live,
                            currency.getCurrencyCode(),
                            c.donors(),
                            k,
                            c.retained().get(k),
                            c.retainedBasisPoints(k),
                            c.valueMinor(),
                            c.averageValueMinor());
                }
            }
        }
    }

    /** Every campaign by the currency it counts in, the currencies sorted: what the all-campaigns views cover. */
    static Map<String, List<Campaign>> byCurrency(Campaigns campaigns) {
        return campaigns.findAll().stream()
                .collect(Collectors.groupingBy(c -> c.currency().getCurrencyCode(), TreeMap::new, Collectors.toList()));
    }

    /** The currency asked for, or the first; one no campaign counts in is a 400 naming the field. */
    private static String chosen(String currency, List<String> currencies) {
        if (currency == null || currency.isBlank()) {
            if (currencies.isEmpty()) {
                throw new NotFoundException("No campaign yet");
            }
            return currencies.get(0);
        }
        String code = currency.strip().toUpperCase(java.util.Locale.ROOT);
        if (!currencies.contains(code)) {
            throw new org.goalpost.shared.web.MalformedInputException(
                    "currency", "no campaign counts in '" + currency.strip() + "'; one of " + currencies);
        }
        return code;
    }

    /** The campaigns' time zone when they share one, else UTC (as the combined report counts its months). */
    private static String zoneOf(List<Campaign> group) {
        return group.stream().map(c -> c.timeZone().getId()).distinct().count() == 1
                ? group.get(0).timeZone().getId()
                : "UTC; each campaign files its months in its own time zone";
    }

    private Campaign campaign(String slug) {
        return StaffApiController.campaign(campaigns, slug);
    }
}
