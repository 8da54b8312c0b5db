package org.goalpost.donation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.goalpost.campaign.Campaign;
import org.goalpost.shared.db.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The recurring view of a campaign: what recurring donors commit now (from the donations' newest
 * states) and, month by month, how that moved (from the recurring revenue log, {@link RecurringMovements},
 * as summed per month and kind in the same transaction). Every figure is a sum of stored rows in minor units;
 * a monthly figure is the exact yearly sum divided by twelve and rounded once, half up. The donations' figures
 * are read from one index; the months from at most seven kept rows a month.
 */
@Service
public class RecurringRevenue {

    /** How many months the view shows, the current one first. */
    public static final int MONTHS = 24;

    /**
     * One campaign's recurring revenue. {@code mrrMinor}: active, not paused monthly amounts plus a twelfth
     * of the yearly ones; {@code arrMinor}: twelve times the monthly plus the yearly, exact; {@code
     * activeMonthly}/{@code activeYearly}: donations collecting; {@code paused}: paused ones (in neither);
     * {@code cancellationReasons}: how often donors gave each reason when they ended a donation (the portal asks);
     * {@code renewalsNext30Days}: collecting donations whose next payment falls in the next 30 days, and its sum.
     */
    public record Report(
            long mrrMinor,
            long arrMinor,
            long activeMonthly,
            long activeYearly,
            long paused,
            List<Month> months,
            Map<CancellationReason, Long> cancellationReasons,
            Renewals renewalsNext30Days,
            List<Cohort> cohorts) {}

    /**
     * Recurring donors who started in one month (in the campaign's time zone): how many, how many of them were still
     * donors at the end of that month and of each month since ({@code retained}, the first for the start month; a
     * paused donor is still one, a cancelled one not, unless they came back), and the money they brought so far.
     */
    public record Cohort(YearMonth month, long donors, List<Long> retained, long valueMinor) {

        public Cohort {
            retained = List.copyOf(retained);
        }

        /** The cohort's lifetime value per donor so far, rounded once, half up; 0 for an empty cohort. */
        public long averageValueMinor() {
            return donors == 0 ? 0 : Math.floorDiv(2 * valueMinor + donors, 2 * donors);
        }

        /** The share of the cohort retained {@code monthsSince} months after its start, in basis points (down). */
        public long retainedBasisPoints(int monthsSince) {
            return donors == 0 ? 0 : retained.get(monthsSince) * 10_000 / donors;
        }
    }

    /** How many cohorts the view shows, the newest first. */
    public static final int COHORTS = 12;

    /** How many payments are due, and how much they come to. */
    public record Renewals(long count, long amountMinor) {}

    /**
     * One calendar month in the campaign's time zone. Movements are positive amounts per month ({@code
     * churned}: what was lost); {@code mrrMinor} is the figure at the month's end (now, for the current one).
     * Donors are counted by recurring donation. Instalments: recurring payments whose first failure fell in the
     * month, those of them paid after all, and those never paid because the donation ended.
     */
    public record Month(
            YearMonth month,
            long mrrMinor,
            long newMrrMinor,
            long expansionMrrMinor,
            long contractionMrrMinor,
            long churnedMrrMinor,
            long reactivatedMrrMinor,
            long pausedMrrMinor,
            long resumedMrrMinor,
            long newDonors,
            long churnedDonors,
            long failedInstalments,
            long recoveredInstalments,
            long lostInstalments) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    private final RecurringCohorts cohorts;

    RecurringRevenue(JdbcClient jdbc, Clock clock, RecurringCohorts cohorts) {
        this.cohorts = cohorts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A yearly sum as a monthly figure: divided by twelve, rounded once, half up. */
    public static long monthly(long yearlyMinor) {
        return yearlyMinor >= 0 ? Math.floorDiv(yearlyMinor + 6, 12) : -Math.floorDiv(-yearlyMinor + 6, 12);
    }

    public Report of(Campaign campaign, boolean livemode) {
        return of(List.of(campaign), livemode);
    }

    /**
     * The recurring revenue of several campaigns in one currency, summed exactly (monthly figures rounded once, from
     * the summed yearly units): the all-campaigns view. Months are as each campaign files them (in its time zone); the
     * current month is that of the campaigns' time zone when they share one, else of UTC.
     *
     * @throws IllegalArgumentException for no campaign, or campaigns in more than one currency
     */
    public Report of(List<Campaign> campaigns, boolean livemode) {
        if (campaigns.isEmpty()
                || campaigns.stream().map(Campaign::currency).distinct().count() != 1) {
            throw new IllegalArgumentException("one or more campaigns in one currency");
        }
        String in =
                campaigns.stream().map(c -> String.valueOf(c.id())).collect(java.util.stream.Collectors.joining(", "));
        java.time.ZoneId zone =
                campaigns.stream().map(Campaign::timeZone).distinct().count() == 1
                        ? campaigns.get(0).timeZone()
                        : java.time.ZoneOffset.UTC;
        long[] now = new long[4]; // yearly units, active monthly, active yearly, paused
        jdbc.sql("SELECT donation_interval, collection_paused, COUNT(*) AS n FROM donation "
                        + "WHERE campaign_id IN (" + in
                        + ") AND livemode = ? AND donation_interval IN ('MONTH', 'YEAR') "
                        + "AND status = 'SUCCEEDED' AND (subscription_status IS NULL OR subscription_status "
                        + "IN (" + DonationRepository.COLLECTING_STATES + ")) "
                        + "GROUP BY donation_interval, collection_paused")
                .param(livemode)
                .query(rs -> {
                    boolean monthly = "MONTH".equals(rs.getString("donation_interval"));
                    long count = rs.getLong("n");
                    if (rs.getBoolean("collection_paused")) {
                        now[3] += count;
                    } else {
                        now[monthly ? 1 : 2] += count;
                    }
                });

        Map<YearMonth, long[]> byMonth = new HashMap<>(); // units per kind, then donors new and churned
        jdbc.sql("SELECT month_key, kind, units, movements AS n FROM recurring_month WHERE campaign_id IN (" + in
                        + ") AND livemode = ?")
                .param(livemode)
                .query(rs -> {
                    long[] m = byMonth.computeIfAbsent(
                            YearMonth.parse(rs.getString("month_key")),
                            k -> new long[RecurringMovements.Kind.values().length + 2]);
                    RecurringMovements.Kind kind = RecurringMovements.Kind.valueOf(rs.getString("kind"));
                    m[kind.ordinal()] += rs.getLong("units");
                    if (kind == RecurringMovements.Kind.NEW) {
                        m[m.length - 2] += rs.getLong("n");
                    } else if (kind == RecurringMovements.Kind.CHURN) {
                        m[m.length - 1] += rs.getLong("n");
                    }
                });

        Map<YearMonth, long[]> failures = new HashMap<>(); // failed, recovered, lost
        jdbc.sql("SELECT f.month_key, COUNT(*) AS failed, COALESCE(SUM(CASE WHEN f.recovered_at IS NOT NULL THEN 1 "
                        + "ELSE 0 END), 0) AS recovered, COALESCE(SUM(CASE WHEN f.recovered_at IS NULL AND "
                        + "(d.status <> 'SUCCEEDED' OR d.subscription_status IN ("
                        + DonationRepository.ENDED_STATES
                        + ")) THEN 1 ELSE 0 END), 0) AS lost FROM instalment_failure f JOIN donation d ON "
                        + "d.id = f.donation_id WHERE f.campaign_id IN (" + in
                        + ") AND f.livemode = ? GROUP BY f.month_key")
                .param(livemode)
                .query(rs -> {
                    failures.put(
                            YearMonth.parse(rs.getString("month_key")),
                            new long[] {rs.getLong("failed"), rs.getLong("recovered"), rs.getLong("lost")});
                });

        YearMonth current = YearMonth.now(clock.withZone(zone));
        YearMonth first = current.minusMonths(MONTHS - 1);
        long running = 0; // yearly units at the end of each month, from the first movement on
        for (Map.Entry<YearMonth, long[]> e : byMonth.entrySet()) {
            now[0] += sum(e.getValue());
            if (e.getKey().isBefore(first)) {
                running += sum(e.getValue());
            }
        }
        List<Month> months = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(current); month = month.plusMonths(1)) {
            long[] m = byMonth.getOrDefault(month, new long[RecurringMovements.Kind.values().length + 2]);
            running += sum(m);
            long[] f = failures.getOrDefault(month, new long[3]);
            months.add(new Month(
                    month,
                    monthly(running),
                    monthly(m[RecurringMovements.Kind.NEW.ordinal()]),
                    monthly(m[RecurringMovements.Kind.EXPANSION.ordinal()]),
                    monthly(-m[RecurringMovements.Kind.CONTRACTION.ordinal()]),
                    monthly(-m[RecurringMovements.Kind.CHURN.ordinal()]),
                    monthly(m[RecurringMovements.Kind.REACTIVATION.ordinal()]),
                    monthly(-m[RecurringMovements.Kind.PAUSE.ordinal()]),
                    monthly(m[RecurringMovements.Kind.RESUME.ordinal()]),
                    m[m.length - 2],
                    m[m.length - 1],
                    f[0],
                    f[1],
                    f[2]));
        }
        Collections.reverse(months);
        Map<CancellationReason, Long> reasons = new EnumMap<>(CancellationReason.class);
        jdbc.sql("SELECT cancel_reason, COUNT(*) AS n FROM donation WHERE campaign_id IN (" + in
                        + ") AND livemode = ? AND cancel_reason IS NOT NULL GROUP BY cancel_reason")
                .param(livemode)
                .query(rs -> {
                    long n = rs.getLong("n");
                    CancellationReason.fromForm(rs.getString("cancel_reason")).ifPresent(r -> reasons.put(r, n));
                });
        Instant at = clock.instant();
        Renewals renewals = jdbc.sql("SELECT COUNT(*) AS n, COALESCE(SUM(amount_minor), 0) AS s FROM donation "
                        + "WHERE campaign_id IN (" + in
                        + ") AND livemode = ? AND next_payment_at >= ? AND next_payment_at < ? "
                        + "AND donation_interval IN ('MONTH', 'YEAR') AND status = 'SUCCEEDED' AND "
                        + "collection_paused = FALSE AND (subscription_status IS NULL OR subscription_status IN ("
                        + DonationRepository.COLLECTING_STATES + "))")
                .params(livemode, DbTime.param(at), DbTime.param(at.plus(Duration.ofDays(30))))
                .query((rs, n) -> new Renewals(rs.getLong("n"), rs.getLong("s")))
                .single();
        return new Report(
                monthly(now[0]),
                now[0],
                now[1],
                now[2],
                now[3],
                months,
                reasons,
                renewals,
                cohorts.of(in, livemode, current, COHORTS));
    }

    private static long sum(long[] month) {
        long units = 0;
        for (RecurringMovements.Kind kind : RecurringMovements.Kind.values()) {
            units += month[kind.ordinal()];
        }
        return units;
    }
}
