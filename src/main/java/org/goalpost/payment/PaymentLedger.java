package org.goalpost.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.context.ApplicationEventPublisher;
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
 * as a {@code DISPUTE_REVERSAL}, when it is won; a lost dispute stays off. Funds withdrawn again
 * after a win (pre-arbitration) count off again, under {@code <dispute id>/2}, and so on: a
 * dispute moves money as many times as its balance transactions say. Each dispute fee (and its
 * return) is a {@code DISPUTE_FEE} row keyed by its balance transaction: it moves fees and net.
 * A refund or dispute of a payment not counted yet waits ({@link WaitingFacts}) and is applied
 * when that payment is counted.
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
    private final WaitingFacts waiting;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PaymentLedger(
            Donations donations,
            Campaigns campaigns,
            Ledger ledger,
            GatewayPayments payments,
            WaitingFacts waiting,
            Clock clock,
            ApplicationEventPublisher events) {
        this.donations = donations;
        this.campaigns = campaigns;
        this.ledger = ledger;
        this.payments = payments;
        this.waiting = waiting;
        this.clock = clock;
        this.events = events;
    }

    /** Applies one fact of the event {@code eventId}, in the caller's transaction. */
    Applied apply(PaymentFact fact, String eventId) {
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
        if (fact instanceof PaymentFact.PaymentReversal reversal) {
            Optional<GatewayPayments.Payment> payment = payments.find(reversal.paymentIntentId(), reversal.chargeId());
            if (payment.isEmpty()) {
                waiting.keep(reversal, eventId, clock.instant());
                return Applied.nothing((reversal instanceof RefundChanged r
                                ? "refund " + r.refundId()
                                : "dispute " + ((DisputeChanged) reversal).disputeId())
                        + " of a payment not counted (yet): kept until that payment is counted");
            }
            return reversed(reversal, payment.get());
        }
        throw new IllegalArgumentException("Unknown payment fact " + fact);
    }

    private Applied received(PaymentReceived fact) {
        Optional<Donation> found = donations
                .findByPublicId(fact.target().donationRef())
                .or(() -> donations.findBySubscription(fact.target().subscriptionId()));
        if (found.isEmpty()) {
            log.warn(
                    "Payment {} names no Goalpost donation ({}); it is not counted",
                    fact.sourceRef(),
                    fact.target().donationRef());
            return Applied.nothing("payment " + fact.sourceRef() + " is not a Goalpost donation");
        }
        Campaign campaign = campaigns.find(found.get().campaignId()).orElseThrow();
        if (!campaign.currency().getCurrencyCode().equalsIgnoreCase(fact.currency())) {
            log.error(
                    "Payment {} is in {}, campaign {} counts in {}: not counted",
                    fact.sourceRef(),
                    fact.currency(),
                    campaign.slug(),
                    campaign.currency().getCurrencyCode());
            return new Applied(
                    false,
                    found.get().id(),
                    "payment in " + fact.currency() + " not counted: campaign is in "
                            + campaign.currency().getCurrencyCode());
        }
        Donation donation = donations.identifyDonor(
                found.get(), fact.payer().email(), fact.payer().name());
        PeriodKey period = PeriodAttribution.forGift(campaign, fact.paidAt());
        Money amount = campaign.money(fact.amountMinor());
        boolean counted = ledger.record(
                        campaign,
                        new LedgerEntry(
                                LedgerKind.PAYMENT,
                                amount,
                                fact.feeMinor(),
                                fact.sourceRef(),
                                donation.id(),
                                donation.donorRef(),
                                fact.livemode(),
                                fact.paidAt(),
                                period,
                                null,
                                null))
                .isNew();
        List<String> summary = new ArrayList<>();
        summary.add((counted ? "counted " : "already counted ") + amount + " (" + fact.sourceRef() + ")");
        for (PaymentFact.PaidBy part : fact.paidBy()) {
            if (part.paymentIntentId() == null) {
                continue;
            }
            GatewayPayments.Payment payment = new GatewayPayments.Payment(
                    part.paymentIntentId(),
                    part.chargeId(),
                    fact.sourceRef(),
                    donation.id(),
                    campaign.id(),
                    period,
                    fact.livemode(),
                    part.amountMinor(),
                    part.feeMinor(),
                    amount.currencyCode(),
                    fact.paidAt());
            payments.remember(payment);
            for (PaymentFact.PaymentReversal early : waiting.take(part.paymentIntentId(), part.chargeId())) {
                Applied applied = reversed(early, payment);
                // published like the event's own facts, so that the donor hears of the refund as of any other
                events.publishEvent(new FactApplied(early, applied.changed(), applied.donationId()));
                counted |= applied.changed();
                summary.add(applied.summary() + " (reported before its payment)");
            }
        }
        if (fact.target().subscriptionId() != null) {
            donations.linkSubscription(donation, fact.target().subscriptionId());
            donations.instalmentPaid(fact.sourceRef(), fact.paidAt());
        }
        donations.moveTo(donation, DonationStatus.SUCCEEDED, fact.paidAt());
        return new Applied(counted, donation.id(), String.join("; ", summary));
    }

    private Applied started(SubscriptionStarted fact) {
        Optional<Donation> found = donationOf(fact.donationRef(), fact.sessionId());
        if (found.isEmpty()) {
            return Applied.nothing("checkout " + fact.sessionId() + " is not a Goalpost donation");
        }
        Donation donation = donations.identifyDonor(found.get(), fact.email(), fact.name());
        donations.linkSubscription(donation, fact.subscriptionId());
        boolean moved = fact.paid() && donations.moveTo(donation, DonationStatus.SUCCEEDED);
        return new Applied(
                true, donation.id(), "monthly donation started: " + fact.subscriptionId() + (moved ? ", paid" : ""));
    }

    private Applied closed(CheckoutClosed fact) {
        Optional<Donation> found = donationOf(fact.donationRef(), fact.sessionId());
        if (found.isEmpty()) {
            return Applied.nothing("checkout " + fact.sessionId() + " is not a Goalpost donation");
        }
        boolean moved = donations.moveTo(found.get(), fact.outcome(), fact.reason());
        String outcome = "checkout " + fact.outcome().name().toLowerCase()
                + (fact.reason() == null ? "" : " (" + fact.reason() + ")");
        return new Applied(
                moved,
                found.get().id(),
                moved
                        ? outcome
                        : outcome + " ignored: donation is "
                                + found.get().status().name().toLowerCase());
    }

    private Applied subscriptionChanged(SubscriptionChanged fact) {
        Optional<Donation> found = donations
                .findBySubscription(fact.subscriptionId())
                .or(() -> donations.findByPublicId(fact.donationRef()));
        if (found.isEmpty()) {
            return Applied.nothing("subscription " + fact.subscriptionId() + " is not a Goalpost donation");
        }
        donations.linkSubscription(found.get(), fact.subscriptionId());
        boolean kept = donations.subscriptionChanged(
                fact.subscriptionId(),
                fact.status(),
                fact.amountMinor(),
                fact.interval(),
                fact.paused(),
                fact.nextPaymentAt(),
                fact.observedAt());
        String state = "subscription " + fact.status() + (fact.paused() ? " (paused)" : "")
                + (fact.amountMinor() == null
                        ? ""
                        : ", "
                                + campaigns
                                        .find(found.get().campaignId())
                                        .orElseThrow()
                                        .money(fact.amountMinor()));
        return new Applied(
                kept, found.get().id(), kept ? state : state + " ignored: a newer state, or the end, is kept");
    }

    private Applied instalmentFailed(InstalmentFailed fact) {
        Optional<Donation> found = donations
                .findBySubscription(fact.subscriptionId())
                .or(() -> donations.findByPublicId(fact.donationRef()));
        found.ifPresent(d -> donations.instalmentFailed(d, fact.invoiceId(), fact.failedAt()));
        return found.map(d -> new Applied(
                        false, d.id(), "recurring payment failed (" + fact.invoiceId() + "); Stripe retries"))
                .orElseGet(() -> Applied.nothing("invoice " + fact.invoiceId() + " is not a Goalpost donation"));
    }

    private Applied reversed(PaymentFact.PaymentReversal reversal, GatewayPayments.Payment payment) {
        return reversal instanceof RefundChanged refund
                ? refund(refund, payment)
                : dispute((DisputeChanged) reversal, payment);
    }

    private Applied refund(RefundChanged fact, GatewayPayments.Payment payment) {
        if (fact.state() == PaymentFact.RefundState.PENDING) {
            return new Applied(false, payment.donationId(), "refund " + fact.refundId() + " pending");
        }
        boolean off = reversal(payment, LedgerKind.REFUND, -fact.amountMinor(), 0, fact.refundId(), fact.at());
        boolean back = fact.state() == PaymentFact.RefundState.FAILED
                && reversal(payment, LedgerKind.REFUND_REVERSAL, fact.amountMinor(), 0, fact.refundId(), fact.at());
        return new Applied(
                off || back,
                payment.donationId(),
                "refund " + fact.refundId() + " " + fact.state().name().toLowerCase()
                        + (off || back ? "" : " (already counted)"));
    }

    /**
     * A dispute moves the funds as often as its state and balance transactions say, whichever says
     * more (an event may be rendered before its balance transactions exist): the n-th withdrawal is
     * a {@code DISPUTE} row, the n-th reinstatement a {@code DISPUTE_REVERSAL} row, both keyed by
     * the dispute's id for the first and {@code id/n} after; never more reinstatements than
     * withdrawals. Each fee is a {@code DISPUTE_FEE} row keyed by its balance transaction.
     */
    private Applied dispute(DisputeChanged fact, GatewayPayments.Payment payment) {
        if (fact.state() == PaymentFact.DisputeState.INQUIRY && fact.moves().isEmpty()) {
            return new Applied(false, payment.donationId(), "inquiry " + fact.disputeId() + ": no money moved");
        }
        long withdrawnByMoves = fact.moves().stream()
                .filter(PaymentFact.BalanceMove::withdrawal)
                .count();
        long reinstatedByMoves = fact.moves().size() - withdrawnByMoves;
        long withdrawals = Math.max(withdrawnByMoves, fact.state() == PaymentFact.DisputeState.INQUIRY ? 0 : 1);
        long reinstatements = Math.min(
                withdrawals, Math.max(reinstatedByMoves, fact.state() == PaymentFact.DisputeState.WON ? 1 : 0));
        boolean changed = false;
        for (long n = 1; n <= withdrawals; n++) {
            changed |=
                    reversal(payment, LedgerKind.DISPUTE, -fact.amountMinor(), 0, nth(fact.disputeId(), n), fact.at());
        }
        for (long n = 1; n <= reinstatements; n++) {
            changed |= reversal(
                    payment, LedgerKind.DISPUTE_REVERSAL, fact.amountMinor(), 0, nth(fact.disputeId(), n), fact.at());
        }
        for (PaymentFact.BalanceMove move : fact.moves()) {
            if (move.feeMinor() != 0) {
                changed |= reversal(payment, LedgerKind.DISPUTE_FEE, 0, move.feeMinor(), move.id(), move.at());
            }
        }
        return new Applied(
                changed,
                payment.donationId(),
                "dispute " + fact.disputeId() + " " + fact.state().name().toLowerCase() + " (" + withdrawals
                        + " withdrawal(s), " + reinstatements + " reinstatement(s))"
                        + (changed ? "" : " (already counted)"));
    }

    private static String nth(String disputeId, long n) {
        return n == 1 ? disputeId : disputeId + "/" + n;
    }

    /** Records money moving against a counted payment, in that payment's campaign, period and mode. */
    private boolean reversal(
            GatewayPayments.Payment payment, LedgerKind kind, long minor, long feeMinor, String sourceRef, Instant at) {
        Campaign campaign = campaigns.find(payment.campaignId()).orElseThrow();
        Donation donation = donations.find(payment.donationId()).orElseThrow();
        return ledger.record(
                        campaign,
                        new LedgerEntry(
                                kind,
                                campaign.money(minor),
                                feeMinor,
                                sourceRef,
                                donation.id(),
                                donation.donorRef(),
                                payment.livemode(),
                                at,
                                PeriodAttribution.forReversal(payment.period()),
                                null,
                                null))
                .isNew();
    }

    private Optional<Donation> donationOf(String donationRef, String sessionId) {
        return donations.findByPublicId(donationRef).or(() -> donations.findByCheckoutSession(sessionId));
    }
}
