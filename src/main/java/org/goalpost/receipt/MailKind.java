package org.goalpost.receipt;

/** What an email tells the donor. */
enum MailKind {
    /** A payment or a monthly instalment was counted. */
    RECEIPT,
    /** A monthly payment failed; Stripe tries again. */
    INSTALMENT_FAILED,
    /** Money went back to the donor. */
    REFUND
}
