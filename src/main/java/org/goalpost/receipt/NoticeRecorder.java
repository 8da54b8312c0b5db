package org.goalpost.receipt;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.goalpost.donation.Donation;
import org.goalpost.donation.Donations;
import org.goalpost.payment.FactApplied;
import org.goalpost.payment.PaymentFact;
import org.goalpost.shared.money.Money;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Decides which applied facts the donor hears about, and puts that mail in the outbox in the same
 * transaction: a counted payment or instalment (receipt), a failed instalment (one notice per
 * invoice, however often Stripe retries it), a refund that went through. Nothing for a donor
 * without an email address. Active only when SMTP is configured ({@code spring.mail.host} not blank).
 */
@Component
@ConditionalOnExpression("!'${spring.mail.host:}'.isBlank()")
class NoticeRecorder {

    private final Donations donations;
    private final Outbox outbox;
    private final Clock clock;

    NoticeRecorder(Donations donations, Outbox outbox, Clock clock) {
        this.donations = donations;
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener
    void on(FactApplied applied) {
        PaymentFact fact = applied.fact();
        if (fact instanceof PaymentFact.PaymentReceived paid && applied.changed()) {
            donation(applied.donationId())
                    .ifPresent(donation -> record(
                            MailKind.RECEIPT,
                            paid.sourceRef(),
                            donation,
                            email(donation, paid.payer().email()),
                            Money.of(paid.amountMinor(), paid.currency().toUpperCase(Locale.ROOT)),
                            paid.paidAt()));
        } else if (fact instanceof PaymentFact.InstalmentFailed failed) {
            donation(applied.donationId())
                    .or(() -> donations.findBySubscription(failed.subscriptionId()))
                    .ifPresent(donation -> record(
                            MailKind.INSTALMENT_FAILED,
                            failed.invoiceId(),
                            donation,
                            donation.donorEmail(),
                            donation.amount(),
                            clock.instant()));
        } else if (fact instanceof PaymentFact.RefundChanged refund
                && applied.changed()
                && refund.state() == PaymentFact.RefundState.SUCCEEDED) {
            donation(applied.donationId())
                    .ifPresent(donation -> record(
                            MailKind.REFUND,
                            refund.refundId(),
                            donation,
                            donation.donorEmail(),
                            Money.of(refund.amountMinor(), donation.amount().currency()),
                            refund.at()));
        }
    }

    private Optional<Donation> donation(Long id) {
        return id == null ? Optional.empty() : donations.find(id);
    }

    private static String email(Donation donation, String fromGateway) {
        return donation.donorEmail() != null ? donation.donorEmail() : fromGateway;
    }

    private void record(MailKind kind, String sourceRef, Donation donation, String email, Money amount, Instant at) {
        if (email == null || email.isBlank() || sourceRef == null) {
            return;
        }
        outbox.add(
                kind,
                sourceRef,
                donation.id(),
                email.strip(),
                amount,
                at == null ? clock.instant() : at,
                clock.instant());
    }
}
