package org.goalpost.donation;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a ledger row records, the sign its amount must have, and which figure of the totals it moves. */
public enum LedgerKind {
    /** Money received through a payment (a one-time gift or one monthly instalment). */
    PAYMENT(Sign.POSITIVE, Figure.GROSS),
    /** Money given back to the donor, in full or in part. */
    REFUND(Sign.NEGATIVE, Figure.REFUNDED),
    /** A refund that failed or was canceled after it was counted: the money came back. */
    REFUND_REVERSAL(Sign.POSITIVE, Figure.REFUNDED),
    /** Money taken back by a chargeback. */
    DISPUTE(Sign.NEGATIVE, Figure.DISPUTED),
    /** Money returned to us when a dispute was won. */
    DISPUTE_REVERSAL(Sign.POSITIVE, Figure.DISPUTED),
    /**
     * A dispute's fee (positive) or its return (negative), keyed by the gateway's balance
     * transaction: no amount, only a fee, so it moves the fees and the net, never raised.
     */
    DISPUTE_FEE(Sign.ZERO, Figure.DISPUTED),
    /** Cash, cheque or bank transfer entered by staff. */
    OFFLINE_GIFT(Sign.POSITIVE, Figure.GROSS),
    /** A correction entered by staff, either way. */
    ADJUSTMENT(Sign.ANY, Figure.ADJUSTED);

    enum Sign {
        POSITIVE,
        NEGATIVE,
        ANY,
        ZERO
    }

    /** The figure of the totals a kind moves: raised = gross - refunded - disputed + adjusted. */
    enum Figure {
        GROSS,
        REFUNDED,
        DISPUTED,
        ADJUSTED
    }

    private final Sign sign;
    private final Figure figure;

    LedgerKind(Sign sign, Figure figure) {
        this.sign = sign;
        this.figure = figure;
    }

    /** Gifts count as donations, and their donors as donors. */
    public boolean isGift() {
        return figure == Figure.GROSS;
    }

    Figure figure() {
        return figure;
    }

    /** The kinds that move a figure, as an SQL list: {@code 'REFUND', 'REFUND_REVERSAL'}. */
    static String sqlList(Figure figure) {
        return Arrays.stream(values())
                .filter(k -> k.figure == figure)
                .map(k -> "'" + k.name() + "'")
                .collect(Collectors.joining(", "));
    }

    boolean acceptsAmount(long minor) {
        return switch (sign) {
            case POSITIVE -> minor > 0;
            case NEGATIVE -> minor < 0;
            case ANY -> minor != 0;
            case ZERO -> minor == 0;
        };
    }

    String signRule() {
        return switch (sign) {
            case POSITIVE -> "above zero";
            case NEGATIVE -> "below zero";
            case ANY -> "other than zero";
            case ZERO -> "zero";
        };
    }
}
