package org.goalpost.staff;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.goalpost.audit.AuditLog;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.campaign.GoalType;
import org.goalpost.campaign.PeriodKey;
import org.goalpost.donation.DonationCriteria;
import org.goalpost.donation.DonationQueries;
import org.goalpost.donation.PeriodTotals;
import org.goalpost.donation.Totals;
import org.goalpost.progress.ProgressService;
import org.goalpost.shared.mode.AppMode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * CSV exports (Apache Commons CSV), streamed row by row from the database to the response: memory
 * stays flat whether there are a hundred donations or a million.
 */
@Controller
class ExportController {

    static final String[] DONATION_COLUMNS = {
        "donation_id",
        "created_at",
        "campaign",
        "status",
        "interval",
        "channel",
        "amount_minor",
        "currency",
        "livemode",
        "donor_name",
        "donor_email",
        "anonymous"
    };
    static final String[] TOTALS_COLUMNS = {
        "campaign",
        "period",
        "livemode",
        "currency",
        "raised_minor",
        "gross_minor",
        "fees_minor",
        "net_minor",
        "refunded_minor",
        "disputed_minor",
        "adjusted_minor",
        "donations",
        "donors",
        "goal_type",
        "bar_figure"
    };

    private final DonationQueries queries;
    private final Campaigns campaigns;
    private final Totals totals;
    private final AuditLog audit;
    private final AppMode appMode;

    private final ProgressService progress;
    private final Clock clock;

    ExportController(
            DonationQueries queries,
            Campaigns campaigns,
            Totals totals,
            AuditLog audit,
            AppMode appMode,
            ProgressService progress,
            Clock clock) {
        this.progress = progress;
        this.clock = clock;
        this.queries = queries;
        this.campaigns = campaigns;
        this.totals = totals;
        this.audit = audit;
        this.appMode = appMode;
    }

    @GetMapping("/staff/export/donations.csv")
    void donations(@ModelAttribute DonationFilter filter, HttpSession session, HttpServletResponse response)
            throws IOException {
        DonationCriteria criteria = filter.criteria(campaigns, StaffPageAdvice.livemode(session, appMode));
        audit.record("export.donations", null, filter.toString());
        writeDonations(queries, criteria, response);
    }

    @GetMapping("/staff/export/totals.csv")
    void totals(HttpSession session, HttpServletResponse response) throws IOException {
        boolean live = StaffPageAdvice.livemode(session, appMode);
        audit.record("export.totals", null, "livemode=" + live);
        start(response, "goalpost-totals.csv");
        try (CSVPrinter csv = printer(response, TOTALS_COLUMNS)) {
            for (Campaign campaign : campaigns.findAll()) {
                for (PeriodTotals t : totals.periods(campaign, live)) {
                    csv.printRecord(
                            campaign.slug(),
                            t.period().value(),
                            t.livemode(),
                            t.currency().getCurrencyCode(),
                            t.raisedMinor(),
                            t.grossMinor(),
                            t.feesMinor(),
                            t.netMinor(),
                            t.refundedMinor(),
                            t.disputedMinor(),
                            t.adjustedMinor(),
                            t.donationCount(),
                            t.donorCount(),
                            campaign.goalType().word(),
                            barFigure(campaign, t.period(), live));
                }
            }
        }
    }

    /**
     * What the campaign's bar showed for a period, in its goal's unit (money raised, donors); a recurring goal's
     * figure is its recurring revenue now, so only the current period has one (the recurring view's CSV has it by
     * month).
     */
    private String barFigure(Campaign campaign, PeriodKey period, boolean live) {
        if (campaign.goalType() == GoalType.RECURRING
                && !campaign.periodAt(clock.instant()).key().equals(period)) {
            return "";
        }
        return String.valueOf(progress.of(campaign, period, live).progress().raisedMinor());
    }

    /** Writes the donations matching the criteria as CSV, row by row from a streaming result set. */
    static void writeDonations(DonationQueries queries, DonationCriteria criteria, HttpServletResponse response)
            throws IOException {
        start(response, "goalpost-donations.csv");
        try (CSVPrinter csv = printer(response, DONATION_COLUMNS)) {
            queries.stream(criteria, row -> {
                try {
                    csv.printRecord(
                            row.publicId(),
                            row.createdAt(),
                            row.campaignSlug(),
                            row.status(),
                            row.interval(),
                            row.channel(),
                            row.amount().minor(),
                            row.amount().currencyCode(),
                            row.livemode(),
                            cell(row.donorName()),
                            cell(row.donorEmail()),
                            row.anonymous());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /**
     * Text a donor typed, made safe from spreadsheet formula injection (OWASP: a quote before
     * = + - @), wherever a spreadsheet could start a cell: at the start, and after every separator
     * a spreadsheet program may split on ({@code ,} {@code ;} tab, line break; German Excel uses
     * {@code ;}, which CSV does not quote), spaces allowed in between. A leading tab or carriage
     * return gets the quote as well.
     */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String defused = FORMULA_START.matcher(text).replaceAll("$1$2'$3");
        return "\t\r".indexOf(defused.charAt(0)) >= 0 ? "'" + defused : defused;
    }

    /** A formula trigger where a cell can begin: the start, or after a separator (and any spaces). */
    private static final java.util.regex.Pattern FORMULA_START =
            java.util.regex.Pattern.compile("(^|[,;\\t\\r\\n])([ ]*)([=+\\-@])");

    static void start(HttpServletResponse response, String name) {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        response.setHeader("Cache-Control", "no-store");
    }

    static CSVPrinter printer(HttpServletResponse response, String[] columns) throws IOException {
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        return new CSVPrinter(
                writer, CSVFormat.RFC4180.builder().setHeader(columns).get());
    }
}
