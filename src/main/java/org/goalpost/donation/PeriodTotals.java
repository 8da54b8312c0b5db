package org.goalpost.donation;

import java.time.Instant;
import java.util.Currency;
import org.goalpost.campaign.CountBasis;
import org.goalpost.campaign.PeriodKey;
import org.goalpost.shared.money.Money;

/**
 * A campaign's kept totals for one period and mode. {@code raisedMinor} is the sum of every
 * signed ledger amount; the other figures break it down: raised = gross - refunded - disputed + adjusted.
 */
public record PeriodTotals(
        long campaignId,
        PeriodKey period,
        boolean livemode,
        Currency currency,
        long raisedMinor,
        long grossMinor,
        long refundedMinor,
        long disputedMinor,
        long adjustedMinor,
        long feesMinor,
        long donationCount,
        long donorCount,
        Instant updatedAt) {

    public static PeriodTotals empty(long campaignId, PeriodKey period, boolean livemode, Currency currency) {
        return new PeriodTotals(campaignId, period, livemode, currency, 0, 0, 0, 0, 0, 0, 0, 0, null);
    }

    /** What the campaign's bar shows: the raised amount, or that amount after Stripe's fees. */
    public Money raised(CountBasis basis) {
        return Money.of(raisedMinor(basis, raisedMinor, feesMinor), currency);
    }

    /** The rule behind {@link #raised}: the raised sum, less the fees when the campaign counts net. */
    static long raisedMinor(CountBasis basis, long raisedMinor, long feesMinor) {
        return basis == CountBasis.NET ? raisedMinor - feesMinor : raisedMinor;
    }

    public long netMinor() {
        return raisedMinor - feesMinor;
    }

    /** The same figures without the time of the last change, to compare kept totals with recomputed ones. */
    public Figures figures() {
        return new Figures(
                raisedMinor,
                grossMinor,
                refundedMinor,
                disputedMinor,
                adjustedMinor,
                feesMinor,
                donationCount,
                donorCount);
    }

    /** The figures of a period, comparable as a whole. */
    public record Figures(
            long raised,
            long gross,
            long refunded,
            long disputed,
            long adjusted,
            long fees,
            long donations,
            long donors) {

        static final Figures ZERO = new Figures(0, 0, 0, 0, 0, 0, 0, 0);
    }
}
