package org.goalpost.payment;

import java.util.Optional;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.campaign.PeriodKey;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationStatus;
import org.goalpost.donation.Donations;
import org.goalpost.donation.Ledger;
import org.goalpost.donation.LedgerEntry;
import org.goalpost.donation.LedgerKind;
import org.goalpost.donation.PeriodAttribution;
import org.goalpost.payment.PaymentFact.CheckoutClosed;
import org.goalpost.payment.PaymentFact.DisputeChanged;
import org.goalpost.payment.PaymentFact.InstalmentFailed;
import org.goalpost.payment.PaymentFact.PaymentReceived;
import org.goalpost.payment.PaymentFact.RefundChanged;
import org.goalpost.payment.PaymentFact.SubscriptionChanged;
import org.goalpost.payment.PaymentFact.SubscriptionStarted;
import org.goalpost.shared.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies payment facts to donations and the ledger, inside the caller's transaction. Every money
 * effect is a ledger row keyed by the gateway's own id, written as a value (a refund's amount, not
 * a difference of cumulative figures): applying a fact again, or two facts about the same
 * movement, changes nothing. Statuses only move forward.
 *
 * <p>Refunds and disputes: a refund counts off when it succeeds; one that fails afterwards (or
 * whose failure is reported first) is reversed by a {@code REFUND_REVERSAL} row under the same id.
 * A dispute counts off as soon as it is opened (Stripe withdraws the funds then) and comes back,
 * as a {@code DISPUTE_REVERSAL}, when it is won; a lost dispute stays off.
 */
@Component
class PaymentLedger {

    private static final Logger log = LoggerFactory.getLogger(PaymentLedger.class);

    /** What applying a fact did, for the inbox. */
    record Applied(boolean changed, Long donationId, String summary) {

        static Applied nothing(String why) {
            return new Applied(false, null, why);
        }
    }

    private final Donations donations;
    private final Campaigns campaigns;
    private final Ledger ledger;
    private final GatewayPayments payments;

    PaymentLedger(Donations donations, Campaigns campaigns, Ledger ledger, GatewayPayments payments) {
        this.donations = donations;
        this.campaigns = campaigns;
        this.ledger = ledger;
        this.payments = payments;
    }

    Applied apply(PaymentFact fact) {
        if (fact instanceof PaymentReceived received) {
            return received(received);
        }
        if (fact instanceof SubscriptionStarted started) {
            return started(started);
        }
        if (fact instanceof CheckoutClosed closed) {
            return closed(closed);
        }
        if (fact instanceof SubscriptionChanged changed) {
            return subscriptionChanged(changed);
        }
        if (fact instanceof InstalmentFailed failed) {
            return instalmentFailed(failed);
        }
        if (fact instanceof RefundChanged refund) {
            return refund(refund);
        }
        if (fact instanceof DisputeChanged dispute) {
            return dispute(dispute);
        }
        throw new IllegalArgumentException("Unknown payment fact " + fact);
    }

    private Applied received(PaymentReceived fact) {
        Optional<Donation> found = donations.findByPublicId(fact.donationRef()).or(() -> donations.findBySubscription(fact.subscriptionId()));
        if (found.isEmpty()) {
            log.warn("Payment {} names no Goalpost donation ({}); it is not counted", fact.sourceRef(), fact.donationRef());
            return Applied.nothing("payment " + fact.sourceRef() + " is not a Goalpost donation");
        }
        Campaign campaign = campaigns.find(found.get().campaignId()).orElseThrow();
        if (!campaign.currency().getCurrencyCode().equalsIgnoreCase(fact.currency())) {
            log.error("Payment {} is in {}, campaign {} counts in {}: not counted", fact.sourceRef(), fact.currency(),
                    campaign.slug(), campaign.currency().getCurrencyCode());
            return new Applied(false, found.get().id(), "payment in " + fact.currency() + " not counted: campaign is in "
                    + campaign.currency().getCurrencyCode());
        }
        Donation donation = donations.identifyDonor(found.get(), fact.email(), fact.name());
        PeriodKey period = PeriodAttribution.forGift(campaign, fact.paidAt());
        Money amount = campaign.money(fact.amountMinor());
        boolean counted = ledger.record(campaign, new LedgerEntry(LedgerKind.PAYMENT, amount, fact.feeMinor(), fact.sourceRef(),
                donation.id(), donation.donorRef(), fact.livemode(), fact.paidAt(), period, null, null)).isNew();
        if (fact.paymentIntentId() != null) {
            payments.remember(new GatewayPayments.Payment(fact.paymentIntentId(), fact.chargeId(), fact.sourceRef(), donation.id(),
                    campaign.id(), period, fact.livemode(), fact.amountMinor(), fact.feeMinor(), amount.currencyCode(), fact.paidAt()));
        }
        if (fact.subscriptionId() != null) {
            donations.linkSubscription(donation, fact.subscriptionId());
        }
        donations.moveTo(donation, DonationStatus.SUCCEEDED);
        return new Applied(counted, donation.id(), (counted ? "counted " : "already counted ") + amount + " (" + fact.sourceRef() + ")");
    }

    private Applied started(SubscriptionStarted fact) {
        Optional<Donation> found = donationOf(fact.donationRef(), fact.sessionId());
        if (found.isEmpty()) {
            return Applied.nothing("checkout " + fact.sessionId() + " is not a Goalpost donation");
        }
        Donation donation = donations.identifyDonor(found.get(), fact.email(), fact.name());
        donations.linkSubscription(donation, fact.subscriptionId());
        boolean moved = fact.paid() && donations.moveTo(donation, DonationStatus.SUCCEEDED);
        return new Applied(true, donation.id(), "monthly donation started: " + fact.subscriptionId() + (moved ? ", paid" : ""));
    }

    private Applied closed(CheckoutClosed fact) {
        Optional<Donation> found = donationOf(fact.donationRef(), fact.sessionId());
        if (found.isEmpty()) {
            return Applied.nothing("checkout " + fact.sessionId() + " is not a Goalpost donation");
        }
        boolean moved = donations.moveTo(found.get(), fact.outcome());
        return new Applied(moved, found.get().id(), moved ? "checkout " + fact.outcome().name().toLowerCase()
                : "checkout " + fact.outcome().name().toLowerCase() + " ignored: donation is " + found.get().status().name().toLowerCase());
    }

    private Applied subscriptionChanged(SubscriptionChanged fact) {
        Optional<Donation> found = donations.findBySubscription(fact.subscriptionId()).or(() -> donations.findByPublicId(fact.donationRef()));
        if (found.isEmpty()) {
            return Applied.nothing("subscription " + fact.subscriptionId() + " is not a Goalpost donation");
        }
        donations.linkSubscription(found.get(), fact.subscriptionId());
        donations.subscriptionChanged(fact.subscriptionId(), fact.status(), fact.amountMinor());
        return new Applied(true, found.get().id(), "subscription " + fact.status());
    }

    private Applied instalmentFailed(InstalmentFailed fact) {
        Optional<Donation> found = donations.findBySubscription(fact.subscriptionId()).or(() -> donations.findByPublicId(fact.donationRef()));
        return found.map(d -> new Applied(false, d.id(), "monthly payment failed (" + fact.invoiceId() + "); Stripe retries"))
                .orElseGet(() -> Applied.nothing("invoice " + fact.invoiceId() + " is not a Goalpost donation"));
    }

    private Applied refund(RefundChanged fact) {
        Optional<GatewayPayments.Payment> payment = payments.find(fact.paymentIntentId(), fact.chargeId());
        if (payment.isEmpty()) {
            return Applied.nothing("refund " + fact.refundId() + " of a payment Goalpost did not count");
        }
        if (fact.state() == PaymentFact.RefundState.PENDING) {
            return new Applied(false, payment.get().donationId(), "refund " + fact.refundId() + " pending");
        }
        boolean off = reversal(payment.get(), LedgerKind.REFUND, -fact.amountMinor(), fact.refundId(), fact.at());
        boolean back = fact.state() == PaymentFact.RefundState.FAILED
                && reversal(payment.get(), LedgerKind.REFUND_REVERSAL, fact.amountMinor(), fact.refundId(), fact.at());
        return new Applied(off || back, payment.get().donationId(), "refund " + fact.refundId() + " "
                + fact.state().name().toLowerCase() + (off || back ? "" : " (already counted)"));
    }

    private Applied dispute(DisputeChanged fact) {
        Optional<GatewayPayments.Payment> payment = payments.find(fact.paymentIntentId(), fact.chargeId());
        if (payment.isEmpty()) {
            return Applied.nothing("dispute " + fact.disputeId() + " of a payment Goalpost did not count");
        }
        if (fact.state() == PaymentFact.DisputeState.INQUIRY) {
            return new Applied(false, payment.get().donationId(), "inquiry " + fact.disputeId() + ": no money moved");
        }
        boolean off = reversal(payment.get(), LedgerKind.DISPUTE, -fact.amountMinor(), fact.disputeId(), fact.at());
        boolean back = fact.state() == PaymentFact.DisputeState.WON
                && reversal(payment.get(), LedgerKind.DISPUTE_REVERSAL, fact.amountMinor(), fact.disputeId(), fact.at());
        return new Applied(off || back, payment.get().donationId(), "dispute " + fact.disputeId() + " "
                + fact.state().name().toLowerCase() + (off || back ? "" : " (already counted)"));
    }

    /** Records money moving against a counted payment, in that payment's campaign, period and mode. */
    private boolean reversal(GatewayPayments.Payment payment, LedgerKind kind, long minor, String sourceRef, java.time.Instant at) {
        Campaign campaign = campaigns.find(payment.campaignId()).orElseThrow();
        Donation donation = donations.find(payment.donationId()).orElseThrow();
        return ledger.record(campaign, new LedgerEntry(kind, campaign.money(minor), 0, sourceRef, donation.id(),
                donation.donorRef(), payment.livemode(), at, PeriodAttribution.forReversal(payment.period()), null, null)).isNew();
    }

    private Optional<Donation> donationOf(String donationRef, String sessionId) {
        return donations.findByPublicId(donationRef).or(() -> donations.findByCheckoutSession(sessionId));
    }
}
