package org.goalpost.receipt;

/** What an email tells the donor. */
enum MailKind {
    /** A payment or a monthly instalment was counted. */
    RECEIPT,
    /** A monthly or yearly payment failed; Stripe tries again. The mail carries a card link. */
    INSTALMENT_FAILED,
    /** Money went back to the donor. */
    REFUND,
    /** A yearly donation renews in a week: amount, date, how to change or cancel it. */
    RENEWAL_REMINDER
}
