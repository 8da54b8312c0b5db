package org.goalpost.donation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.goalpost.campaign.PeriodKey;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.money.Currencies;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The kept totals. Every change is one SQL statement that adds to the stored figures
 * ({@code raised_minor = raised_minor + ?}) under the row's lock: there is no read-modify-write
 * in Java, so concurrent writers never lose each other's money.
 */
@Repository
class TotalsRepository {

    static final String COLUMNS =
            "campaign_id, period_key, livemode, currency, raised_minor, gross_minor, refunded_minor, "
                    + "disputed_minor, adjusted_minor, fees_minor, donation_count, donor_count, updated_at";

    private final JdbcClient jdbc;

    TotalsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds one ledger entry's effect to its period's totals and its day's, creating the rows on first use. */
    void add(long campaignId, ZoneId zone, LedgerEntry entry, boolean newDonor, Instant now) {
        long amount = entry.amount().minor();
        LedgerKind.Figure figure = entry.kind().figure();
        long gross = figure == LedgerKind.Figure.GROSS ? amount : 0;
        long refunded = figure == LedgerKind.Figure.REFUNDED ? -amount : 0;
        long disputed = figure == LedgerKind.Figure.DISPUTED ? -amount : 0;
        long adjusted = figure == LedgerKind.Figure.ADJUSTED ? amount : 0;
        long donations = entry.kind().isGift() ? 1 : 0;
        long donors = newDonor ? 1 : 0;
        String at = DbTime.param(now);
        jdbc.sql("INSERT INTO campaign_totals (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE raised_minor = raised_minor + ?, gross_minor = gross_minor + ?, "
                        + "refunded_minor = refunded_minor + ?, disputed_minor = disputed_minor + ?, "
                        + "adjusted_minor = adjusted_minor + ?, fees_minor = fees_minor + ?, "
                        + "donation_count = donation_count + ?, donor_count = donor_count + ?, updated_at = ?")
                .params(
                        campaignId,
                        entry.period().value(),
                        entry.livemode(),
                        entry.amount().currencyCode(),
                        amount,
                        gross,
                        refunded,
                        disputed,
                        adjusted,
                        entry.feeMinor(),
                        donations,
                        donors,
                        at,
                        amount,
                        gross,
                        refunded,
                        disputed,
                        adjusted,
                        entry.feeMinor(),
                        donations,
                        donors,
                        at)
                .update();
        if (amount == 0) {
            return;
        }
        jdbc.sql("INSERT INTO campaign_daily (campaign_id, period_key, livemode, local_day, "
                        + "raised_minor, gross_minor) VALUES (?, ?, ?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE raised_minor = raised_minor + ?, gross_minor = "
                        + "gross_minor + ?")
                .params(
                        campaignId,
                        entry.period().value(),
                        entry.livemode(),
                        chartDay(entry, zone).toString(),
                        amount,
                        gross,
                        amount,
                        gross)
                .update();
    }

    /**
     * The day a row is drawn on in its period's daily chart: the day it happened, kept inside its
     * period. A refund counts in the period of the payment it reverses (see {@link PeriodAttribution});
     * when it happened after that period, it is drawn on the period's last day, never outside it.
     */
    static LocalDate chartDay(LedgerEntry entry, ZoneId zone) {
        return insidePeriod(LocalDate.ofInstant(entry.occurredAt(), zone), entry.period());
    }

    private static LocalDate insidePeriod(LocalDate day, PeriodKey period) {
        if (period.isAll()) {
            return day;
        }
        LocalDate first = period.month().atDay(1);
        LocalDate last = period.month().atEndOfMonth();
        return day.isBefore(first) ? first : day.isAfter(last) ? last : day;
    }

    /**
     * Money per day of one period and mode, oldest day first, every day inside the period (rows
     * written before reversals were kept inside their period are folded into its first or last day).
     */
    List<DailyTotal> daily(long campaignId, PeriodKey period, boolean livemode) {
        List<DailyTotal> rows = jdbc.sql(
                        "SELECT local_day, raised_minor, gross_minor FROM campaign_daily WHERE campaign_id = ? "
                                + "AND period_key = ? AND livemode = ? ORDER BY local_day")
                .params(campaignId, period.value(), livemode)
                .query((rs, n) -> new DailyTotal(
                        rs.getObject("local_day", LocalDate.class),
                        rs.getLong("raised_minor"),
                        rs.getLong("gross_minor")))
                .list();
        if (period.isAll()) {
            return rows;
        }
        TreeMap<LocalDate, long[]> days = new TreeMap<>();
        for (DailyTotal row : rows) {
            long[] sums = days.computeIfAbsent(insidePeriod(row.day(), period), d -> new long[2]);
            sums[0] += row.raisedMinor();
            sums[1] += row.grossMinor();
        }
        return days.entrySet().stream()
                .map(e -> new DailyTotal(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
    }

    Optional<PeriodTotals> find(long campaignId, PeriodKey period, boolean livemode) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM campaign_totals WHERE campaign_id = ? AND period_key = ? AND livemode = ?")
                .params(campaignId, period.value(), livemode)
                .query(TotalsRepository::row)
                .optional();
    }

    List<PeriodTotals> periods(long campaignId, boolean livemode) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM campaign_totals WHERE campaign_id = ? AND livemode = ? ORDER BY period_key DESC")
                .params(campaignId, livemode)
                .query(TotalsRepository::row)
                .list();
    }

    List<PeriodTotals> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM campaign_totals")
                .query(TotalsRepository::row)
                .list();
    }

    static PeriodTotals row(ResultSet rs, int rowNum) throws SQLException {
        return new PeriodTotals(
                rs.getLong("campaign_id"),
                PeriodKey.parse(rs.getString("period_key")),
                rs.getBoolean("livemode"),
                Currencies.parse(rs.getString("currency")),
                rs.getLong("raised_minor"),
                rs.getLong("gross_minor"),
                rs.getLong("refunded_minor"),
                rs.getLong("disputed_minor"),
                rs.getLong("adjusted_minor"),
                rs.getLong("fees_minor"),
                rs.getLong("donation_count"),
                rs.getLong("donor_count"),
                DbTime.read(rs, "updated_at"));
    }
}
