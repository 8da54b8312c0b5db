package org.goalpost.attribution;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.goalpost.campaign.AskExperiment;
import org.goalpost.campaign.Campaign;
import org.goalpost.shared.db.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * An experiment's results per variant (issue 13), over the days it ran: views, clicks, checkouts, donations and money
 * (the attribution report by variant, under the variant's {@code tag}), revenue per 1,000 views, and whether a
 * variant's revenue per view differs from the first variant's (the control): a two-sided Welch test, normal
 * approximation, on revenue per view (each view a sample: the money of the donation it led to, 0 for most), shown
 * once each of the two has {@link #MINIMUM_VIEWS} views. Figures are whole numbers: the p-value in basis points (0 to
 * 10,000; under 500 is significant at 5 %).
 */
@Service
public class ExperimentReport {

    /** The views each variant needs before its test is shown. */
    public static final long MINIMUM_VIEWS = 1_000;

    /** One variant's figures; {@code pValueBasisPoints} null for the control and before enough views. */
    public record VariantResult(
            String key,
            int sharePercent,
            long views,
            long clicks,
            long checkouts,
            long donations,
            long raisedMinor,
            long revenuePerThousandViewsMinor,
            Long pValueBasisPoints,
            Boolean significant) {}

    private final AttributionReport report;
    private final JdbcClient jdbc;

    ExperimentReport(AttributionReport report, JdbcClient jdbc) {
        this.report = report;
        this.jdbc = jdbc;
    }

    public List<VariantResult> of(Campaign campaign, AskExperiment experiment, boolean live, Instant now) {
        Instant until = experiment.endedAt() != null
                ? experiment.endedAt()
                : experiment.stoppedAt() != null ? experiment.stoppedAt() : now;
        LocalDate from = experiment.startedAt().atZone(campaign.timeZone()).toLocalDate();
        LocalDate to = until.atZone(campaign.timeZone()).toLocalDate();
        if (from.plusDays(366).isBefore(to)) {
            from = to.minusDays(366);
        }
        Map<String, AttributionReport.Row> rows = new HashMap<>();
        report.of(campaign, AttributionReport.By.VARIANT, from, to, live).rows().forEach(r -> rows.put(r.key(), r));
        Map<String, long[]> sums = sums(campaign, live, from, to);
        List<VariantResult> results = new ArrayList<>();
        AttributionReport.Row control = null;
        long[] controlSums = null;
        for (AskExperiment.Variant v : experiment.variants()) {
            String tag = experiment.tag(v);
            AttributionReport.Row row = rows.getOrDefault(tag, new AttributionReport.Row(tag, 0, 0, 0, 0, 0, 0, 0));
            long[] s = sums.getOrDefault(tag, new long[2]);
            Long p = null;
            if (control == null) {
                control = row;
                controlSums = s;
            } else if (row.views() >= MINIMUM_VIEWS && control.views() >= MINIMUM_VIEWS) {
                p = welchPValueBasisPoints(control.views(), controlSums[0], controlSums[1], row.views(), s[0], s[1]);
            }
            results.add(new VariantResult(
                    v.key(),
                    v.sharePercent(),
                    row.views(),
                    row.clicks(),
                    row.checkouts(),
                    row.donations(),
                    row.raisedMinor(),
                    row.views() == 0 ? 0 : row.raisedMinor() * 1_000 / row.views(),
                    p,
                    p == null ? null : p < 500));
        }
        return results;
    }

    /** Per variant: the sum of each donation's money, and the sum of its squares. */
    private Map<String, long[]> sums(Campaign campaign, boolean live, LocalDate from, LocalDate to) {
        String start = DbTime.param(from.atStartOfDay(campaign.timeZone()).toInstant());
        String end =
                DbTime.param(to.plusDays(1).atStartOfDay(campaign.timeZone()).toInstant());
        Map<String, long[]> sums = new HashMap<>();
        jdbc.sql("SELECT da.variant AS v, le.donation_id, SUM(le.amount_minor) AS money FROM ledger_entry le "
                        + "JOIN donation_attribution da ON da.donation_id = le.donation_id "
                        + "WHERE da.campaign_id = ? AND le.livemode = ? AND le.occurred_at >= ? AND le.occurred_at < ? "
                        + "AND da.variant IS NOT NULL GROUP BY da.variant, le.donation_id")
                .params(campaign.id(), live, start, end)
                .query((rs, n) -> {
                    long money = rs.getLong("money");
                    long[] s = sums.computeIfAbsent(rs.getString("v"), k -> new long[2]);
                    s[0] += money;
                    s[1] += money * money;
                    return null;
                })
                .list();
        return sums;
    }

    /**
     * The two-sided p-value, in basis points, of a difference in mean revenue per view between two groups of views
     * ({@code n}, the sum of the money and of its squares; views without a gift are zeros), by Welch's statistic and
     * the normal distribution (the groups have at least {@link #MINIMUM_VIEWS} views). 10,000 when both vary not at
     * all.
     */
    static long welchPValueBasisPoints(long n1, long sum1, long squares1, long n2, long sum2, long squares2) {
        double mean1 = (double) sum1 / n1;
        double mean2 = (double) sum2 / n2;
        double var1 = ((double) squares1 - n1 * mean1 * mean1) / (n1 - 1);
        double var2 = ((double) squares2 - n2 * mean2 * mean2) / (n2 - 1);
        double se = Math.sqrt(Math.max(0, var1) / n1 + Math.max(0, var2) / n2);
        if (se == 0) {
            return mean1 == mean2 ? 10_000 : 0;
        }
        double z = Math.abs(mean1 - mean2) / se;
        // the normal distribution's upper tail, 1 - Phi(z) = erfc(z / sqrt 2) / 2 (Abramowitz and Stegun 7.1.26)
        double x = z / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erfc = t
                * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
                * Math.exp(-x * x);
        return Math.round(Math.min(1, erfc) * 10_000);
    }
}
