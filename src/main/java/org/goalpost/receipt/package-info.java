/**
 * Emails to donors: a receipt for every counted payment and monthly or yearly instalment, a notice
 * when a recurring payment fails and when a refund is made. Written to an outbox in the transaction that
 * counted the money (one row per kind and Stripe object, so repeated events send nothing more),
 * sent after the commit by {@code OutboxSender}, retried with back-off. Off unless SMTP is configured.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Receipts")
package org.goalpost.receipt;
