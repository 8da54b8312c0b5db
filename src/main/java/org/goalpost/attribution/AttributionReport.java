package org.goalpost.attribution;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.goalpost.campaign.Campaign;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.web.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which pages, placements, variants and sources bring support, over days {@code from} to {@code to} (inclusive, in
 * the campaign's time zone), for live or test money. Views and clicks come from the aggregates; checkouts from the
 * attributed donations opened in those days, donations and donors from those that brought money, and the money from
 * the ledger: every movement in those days of an attributed donation (its payments, later instalments, refunds and
 * disputes). Money without attribution is reported apart, so that attributed plus unattributed is the ledger's sum.
 */
@Service
public class AttributionReport {

    /** What the report groups by, and its column. */
    public enum By {
        PAGE("page"),
        PLACEMENT("placement"),
        VARIANT("variant"),
        UTM_SOURCE("utm_source");

        final String column;

        By(String column) {
            this.column = column;
        }

        /** {@code page}, {@code placement}, {@code variant} or {@code utmSource}. */
        public static By of(String word) {
            if (word == null || word.isBlank()) {
                return PAGE;
            }
            return switch (word.strip()) {
                case "page" -> PAGE;
                case "placement" -> PLACEMENT;
                case "variant" -> VARIANT;
                case "utmSource" -> UTM_SOURCE;
                default ->
                    throw new InvalidInputException("by", "must be 'page', 'placement', 'variant' or 'utmSource'");
            };
        }
    }

    /** One key's figures; {@code key} null for views or gifts without that field. */
    public record Row(
            String key,
            long views,
            long clicks,
            long checkouts,
            long donations,
            long donors,
            long raisedMinor,
            long recurringDonations) {

        /** Donations per 1,000 views, in hundredths (0 without views). */
        public long conversionPerMilleHundredths() {
            return views == 0 ? 0 : donations * 100_000 / views;
        }
    }

    /** One day of the chart. */
    public record Day(LocalDate day, long views, long clicks, long raisedMinor) {}

    public record Report(List<Row> rows, long unattributedMinor, long attributedMinor, List<Day> days) {}

    private final JdbcClient jdbc;

    AttributionReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Report of(Campaign campaign, By by, LocalDate from, LocalDate to, boolean live) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "must not be before 'from'");
        }
        if (from.plusDays(366).isBefore(to)) {
            throw new InvalidInputException("to", "a report covers at most 366 days");
        }
        ZoneId zone = campaign.timeZone();
        String start = DbTime.param(from.atStartOfDay(zone).toInstant());
        String end = DbTime.param(to.plusDays(1).atStartOfDay(zone).toInstant());
        Map<String, long[]> figures = new HashMap<>();
        String col = by.column;
        jdbc.sql("SELECT " + col + " AS k, SUM(views) AS v, SUM(clicks) AS c FROM attribution_daily "
                        + "WHERE campaign_id = ? AND view_day >= ? AND view_day <= ? GROUP BY " + col)
                .params(campaign.id(), from.toString(), to.toString())
                .query((rs, n) -> {
                    long[] f = figures.computeIfAbsent(rs.getString("k"), k -> new long[7]);
                    f[0] += rs.getLong("v");
                    f[1] += rs.getLong("c");
                    return null;
                })
                .list();
        String paid = "EXISTS (SELECT 1 FROM ledger_entry p WHERE p.donation_id = d.id AND p.kind = 'PAYMENT')";
        jdbc.sql("SELECT da." + col + " AS k, COUNT(*) AS checkouts, "
                        + "SUM(CASE WHEN " + paid + " THEN 1 ELSE 0 END) AS donations, "
                        + "COUNT(DISTINCT CASE WHEN " + paid
                        + " THEN COALESCE(CONCAT('d', d.donor_id), d.public_id) END)"
                        + " AS donors, "
                        + "SUM(CASE WHEN " + paid
                        + " AND d.donation_interval <> 'ONCE' THEN 1 ELSE 0 END) AS recurring "
                        + "FROM donation_attribution da JOIN donation d ON d.id = da.donation_id "
                        + "WHERE da.campaign_id = ? AND d.livemode = ? AND d.created_at >= ? AND d.created_at < ? "
                        + "GROUP BY da." + col)
                .params(campaign.id(), live, start, end)
                .query((rs, n) -> {
                    long[] f = figures.computeIfAbsent(rs.getString("k"), k -> new long[7]);
                    f[2] += rs.getLong("checkouts");
                    f[3] += rs.getLong("donations");
                    f[4] += rs.getLong("donors");
                    f[6] += rs.getLong("recurring");
                    return null;
                })
                .list();
        long[] attributed = {0};
        moneyByKey(col, campaign.id(), live, start, end).forEach((key, money) -> {
            figures.computeIfAbsent(key, k -> new long[7])[5] += money;
            attributed[0] += money;
        });
        long unattributed = unattributed(campaign.id(), live, start, end);
        List<Row> rows = new ArrayList<>();
        figures.forEach((key, f) -> rows.add(new Row(key, f[0], f[1], f[2], f[3], f[4], f[5], f[6])));
        rows.sort(Comparator.comparingLong(Row::raisedMinor)
                .reversed()
                .thenComparing(Comparator.comparingLong(Row::views).reversed())
                .thenComparing(r -> r.key() == null ? "" : r.key().toLowerCase(Locale.ROOT)));
        return new Report(List.copyOf(rows), unattributed, attributed[0], days(campaign, from, to, live, start, end));
    }

    private List<Day> days(Campaign campaign, LocalDate from, LocalDate to, boolean live, String start, String end) {
        Map<LocalDate, long[]> days = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.put(d, new long[3]);
        }
        jdbc.sql("SELECT view_day, SUM(views) AS v, SUM(clicks) AS c FROM attribution_daily "
                        + "WHERE campaign_id = ? AND view_day >= ? AND view_day <= ? GROUP BY view_day")
                .params(campaign.id(), from.toString(), to.toString())
                .query((rs, n) -> {
                    long[] f = days.get(LocalDate.parse(rs.getString("view_day").substring(0, 10)));
                    if (f != null) {
                        f[0] += rs.getLong("v");
                        f[1] += rs.getLong("c");
                    }
                    return null;
                })
                .list();
        jdbc.sql("SELECT le.occurred_at, le.amount_minor FROM ledger_entry le "
                        + "JOIN donation_attribution da ON da.donation_id = le.donation_id "
                        + "WHERE le.campaign_id = ? AND le.livemode = ? AND le.occurred_at >= ? AND le.occurred_at < ?")
                .params(campaign.id(), live, start, end)
                .query((rs, n) -> {
                    LocalDate day = DbTime.read(rs, "occurred_at")
                            .atZone(campaign.timeZone())
                            .toLocalDate();
                    long[] f = days.get(day);
                    if (f != null) {
                        f[2] += rs.getLong("amount_minor");
                    }
                    return null;
                })
                .list();
        List<Day> list = new ArrayList<>();
        days.forEach((day, f) -> list.add(new Day(day, f[0], f[1], f[2])));
        return list;
    }

    /** The ledger's money of attributed donations in {@code [start, end)}, per key (null: gifts without it). */
    private Map<String, Long> moneyByKey(String col, long campaignId, boolean live, String start, String end) {
        Map<String, Long> money = new HashMap<>();
        jdbc.sql("SELECT da." + col + " AS k, SUM(le.amount_minor) AS money FROM ledger_entry le "
                        + "JOIN donation_attribution da ON da.donation_id = le.donation_id "
                        + "WHERE le.campaign_id = ? AND le.livemode = ? AND le.occurred_at >= ? AND le.occurred_at < ? "
                        + "GROUP BY da." + col)
                .params(campaignId, live, start, end)
                .query((rs, n) -> money.merge(rs.getString("k"), rs.getLong("money"), Long::sum))
                .list();
        return money;
    }

    /** The ledger's money in {@code [start, end)} of donations without attribution, and of rows without a donation. */
    private long unattributed(long campaignId, boolean live, String start, String end) {
        return jdbc.sql("SELECT COALESCE(SUM(le.amount_minor), 0) FROM ledger_entry le "
                        + "LEFT JOIN donation_attribution da ON da.donation_id = le.donation_id "
                        + "WHERE le.campaign_id = ? AND le.livemode = ? AND le.occurred_at >= ? AND le.occurred_at < ? "
                        + "AND da.donation_id IS NULL")
                .params(campaignId, live, start, end)
                .query(Long.class)
                .single();
    }

    /**
     * The invariant's two sides for a campaign and mode over all time: the money the report attributes (its rows by
     * page, summed) plus the money it reports unattributed, and the ledger's sum.
     */
    long[] reportedAndLedger(long campaignId, boolean live) {
        String start = DbTime.param(java.time.Instant.parse("2000-01-01T00:00:00Z"));
        String end = DbTime.param(java.time.Instant.parse("9999-01-01T00:00:00Z"));
        long reported = moneyByKey(By.PAGE.column, campaignId, live, start, end).values().stream()
                        .mapToLong(Long::longValue)
                        .sum()
                + unattributed(campaignId, live, start, end);
        long ledger = jdbc.sql("SELECT COALESCE(SUM(amount_minor), 0) FROM ledger_entry WHERE campaign_id = ? "
                        + "AND livemode = ?")
                .params(campaignId, live)
                .query(Long.class)
                .single();
        return new long[] {reported, ledger};
    }
}
