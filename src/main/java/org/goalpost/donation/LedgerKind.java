package org.goalpost.donation;

/** What a ledger row records, and the sign its amount must have. */
public enum LedgerKind {
    /** Money received through a payment (a one-time gift or one monthly instalment). */
    PAYMENT(Sign.POSITIVE, true),
    /** Money given back to the donor, in full or in part. */
    REFUND(Sign.NEGATIVE, false),
    /** Money taken back by a chargeback. */
    DISPUTE(Sign.NEGATIVE, false),
    /** Money returned to us when a dispute was won. */
    DISPUTE_REVERSAL(Sign.POSITIVE, false),
    /** Cash, cheque or bank transfer entered by staff. */
    OFFLINE_GIFT(Sign.POSITIVE, true),
    /** A correction entered by staff, either way. */
    ADJUSTMENT(Sign.ANY, false);

    enum Sign { POSITIVE, NEGATIVE, ANY }

    private final Sign sign;
    private final boolean gift;

    LedgerKind(Sign sign, boolean gift) {
        this.sign = sign;
        this.gift = gift;
    }

    /** Gifts count as donations, and their donors as donors. */
    public boolean isGift() {
        return gift;
    }

    boolean acceptsAmount(long minor) {
        return switch (sign) {
            case POSITIVE -> minor > 0;
            case NEGATIVE -> minor < 0;
            case ANY -> minor != 0;
        };
    }

    String signRule() {
        return switch (sign) {
            case POSITIVE -> "above zero";
            case NEGATIVE -> "below zero";
            case ANY -> "other than zero";
        };
    }
}
