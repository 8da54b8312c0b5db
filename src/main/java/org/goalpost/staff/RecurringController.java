package org.goalpost.staff;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

    @GetMapping("/staff/campaigns/{slug}/recurring")
    String page(@PathVariable String slug, HttpSession session, Model model) {
        Campaign campaign = campaign(slug);
        RecurringRevenue.Report report = recurring.of(campaign, StaffPageAdvice.livemode(session, appMode));
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
                        m.month() + ": " + fmt.money(m.mrrMinor(), campaign.currency()) + " a month"))
                .toList();
        model.addAttribute("campaign", campaign);
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
        ExportController.start(response, "goalpost-recurring-" + slug + ".csv");
        try (CSVPrinter csv = ExportController.printer(response, MONTH_COLUMNS)) {
            for (RecurringRevenue.Month m : recurring.of(campaign, live).months()) {
                csv.printRecord(
                        slug,
                        m.month(),
                        live,
                        campaign.currency().getCurrencyCode(),
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
        ExportController.start(response, "goalpost-cohorts-" + slug + ".csv");
        try (CSVPrinter csv = ExportController.printer(response, COHORT_COLUMNS)) {
            for (RecurringRevenue.Cohort c : recurring.of(campaign, live).cohorts()) {
                for (int k = 0; k < c.retained().size(); k++) {
                    csv.printRecord(
                            slug,
                            c.month(),
                            live,
                            campaign.currency().getCurrencyCode(),
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

    private Campaign campaign(String slug) {
        return campaigns.find(slug).orElseThrow(() -> new NotFoundException("No campaign '" + slug + "'"));
    }
}
