package org.goalpost.donation;

import java.time.Instant;
import java.util.Objects;
import org.goalpost.campaign.PeriodKey;
import org.goalpost.shared.money.Money;

/**
 * One money movement to record. {@code sourceRef} identifies the movement itself (a PaymentIntent,
 * refund or dispute id, an invoice id, a staff entry's id) and is unique per kind: recording the
 * same movement twice changes nothing. {@code period} is the period the money counts in (see
 * {@link PeriodAttribution}); {@code occurredAt} is when it moved.
 */
public record LedgerEntry(
        LedgerKind kind,
        Money amount,
        long feeMinor,
        String sourceRef,
        Long donationId,
        DonorRef donor,
        boolean livemode,
        Instant occurredAt,
        PeriodKey period,
        String recordedBy,
        String note) {

    public LedgerEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(sourceRef, "sourceRef");
        Objects.requireNonNull(donor, "donor");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(period, "period");
        if (!kind.acceptsAmount(amount.minor())) {
            throw new IllegalArgumentException(kind + " amounts must be " + kind.signRule() + ": " + amount);
        }
        if (sourceRef.isBlank()
                || sourceRef.length() > 255
                || !sourceRef.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException(
                    "sourceRef must be 1 to 255 printable ASCII characters: '" + sourceRef + "'");
        }
        if (feeMinor < 0
                && kind != LedgerKind.REFUND
                && kind != LedgerKind.ADJUSTMENT
                && kind != LedgerKind.DISPUTE_FEE) {
            throw new IllegalArgumentException(
                    "a fee is not negative except on a refund, an adjustment or a returned dispute fee");
        }
        if (kind == LedgerKind.DISPUTE_FEE && feeMinor == 0) {
            throw new IllegalArgumentException("a dispute fee row carries a fee");
        }
    }

    /** A payment or gift of {@code amount}, with Stripe's fee when known (0 otherwise). */
    public static LedgerEntry gift(
            LedgerKind kind,
            Money amount,
            long feeMinor,
            String sourceRef,
            Long donationId,
            DonorRef donor,
            boolean livemode,
            Instant occurredAt,
            PeriodKey period) {
        return new LedgerEntry(
                kind, amount, feeMinor, sourceRef, donationId, donor, livemode, occurredAt, period, null, null);
    }

    public LedgerEntry recordedBy(String actor, String text) {
        return new LedgerEntry(
                kind, amount, feeMinor, sourceRef, donationId, donor, livemode, occurredAt, period, actor, text);
    }
}
