package org.goalpost.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goalpost.payment.stripe.StripeJson.event;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.PeriodKey;
import org.goalpost.campaign.TestCampaigns;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationInterval;
import org.goalpost.donation.LedgerCheck;
import org.goalpost.donation.PeriodTotals;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rest of the money path, each as Stripe reports it: delayed methods dated when they clear,
 * dispute fees (and their return) in fees and net, a dispute withdrawn again after it was won, a
 * dispute on a partly refunded charge, and an invoice paid by two payments.
 */
class MoneyPathEdgesTest extends StripeAppTestBase {

    @Autowired
    LedgerCheck ledgerCheck;

    private record Paid(Campaign campaign, Donation donation, String intent, String charge) {}

    private Paid paid(Campaign campaign, long amount, long fee, long at) throws Exception {
        Donation donation = pendingDonation(campaign, DonationInterval.ONCE, amount, null);
        String intent = id("pi");
        String charge = id("ch");
        STRIPE.putPaymentIntent(StripeJson.paymentIntent(intent, charge, amount, fee, "usd", donation.publicId(), at));
        deliver(event(
                        id("evt"),
                        "checkout.session.completed",
                        StripeJson.paidSession(intent, donation.publicId(), amount, null, at),
                        at))
                .andExpect(jsonPath("$.result").value("applied"));
        return new Paid(campaign, donation, intent, charge);
    }

    private static long at(String instant) {
        return Instant.parse(instant).getEpochSecond();
    }

    @Test
    void aDelayedPaymentCountsInTheMonthItClearedWhicheverEventCountsIt() throws Exception {
        Campaign campaign = campaigns.create(
                TestCampaigns.draft(TestCampaigns.uniqueSlug("sepa"), "USD", "monthly", "UTC", 100_000));
        for (boolean refundFirst : new boolean[] {false, true}) {
            Donation donation = pendingDonation(campaign, DonationInterval.ONCE, 2_000, null);
            String intent = id("pi");
            String charge = id("ch");
            long started = at("2026-01-31T20:00:00Z");
            long cleared = at("2026-02-04T06:00:00Z");
            Map<String, Object> pi =
                    StripeJson.paymentIntent(intent, charge, 2_000, 35, "usd", donation.publicId(), started);
            // Stripe makes the balance transaction when a SEPA debit clears; the charge was made when it started
            ((Map<String, Object>) ((Map<String, Object>) pi.get("latest_charge")).get("balance_transaction"))
                    .put("created", cleared);
            STRIPE.putPaymentIntent(pi);
            String session = id("cs_test");
            deliver(event(
                            id("evt"),
                            "checkout.session.completed",
                            StripeJson.session(
                                    session,
                                    "payment",
                                    "unpaid",
                                    "complete",
                                    intent,
                                    null,
                                    donation.publicId(),
                                    2_000,
                                    "usd",
                                    null,
                                    started),
                            started))
                    .andExpect(jsonPath("$.result").value("no_effect"));
            if (refundFirst) {
                // a refund reported before the success event counts the payment first: dated the same way
                deliver(event(
                                id("evt"),
                                "refund.created",
                                StripeJson.refund(id("re"), charge, intent, 500, "usd", "succeeded", cleared + 60),
                                cleared + 60))
                        .andExpect(jsonPath("$.result").value("applied"));
            }
            deliver(event(
                    id("evt"),
                    "checkout.session.async_payment_succeeded",
                    StripeJson.session(
                            session,
                            "payment",
                            "paid",
                            "complete",
                            intent,
                            null,
                            donation.publicId(),
                            2_000,
                            "usd",
                            null,
                            started),
                    cleared));
        }
        assertThat(totals.of(campaign, PeriodKey.parse("2026-01"), false).grossMinor())
                .as("nothing in January")
                .isZero();
        PeriodTotals february = totals.of(campaign, PeriodKey.parse("2026-02"), false);
        assertThat(february.grossMinor()).isEqualTo(4_000);
        assertThat(february.refundedMinor()).isEqualTo(500);
        assertThat(february.donationCount()).isEqualTo(2);
    }

    @Test
    void disputeFeesGoIntoFeesAndNetAndComeBackWhereStripeReturnsThem() throws Exception {
        Campaign campaign = campaign("dispute-fee");
        long t = now() - 600;
        Paid paid = paid(campaign, 10_000, 320, t);
        String dispute = id("dp");
        Map<String, Object> withdrawal = StripeJson.disputeTransaction(id("txn"), -10_000, 1_500, "usd", t + 60);
        Map<String, Object> opened =
                StripeJson.dispute(dispute, paid.charge(), paid.intent(), 10_000, "usd", "needs_response", t + 60);
        // the first event is rendered before Stripe took the funds: no balance transaction yet
        deliver(event(id("evt"), "charge.dispute.created", opened, t + 60))
                .andExpect(jsonPath("$.result").value("applied"));
        opened.put("balance_transactions", List.of(withdrawal));
        deliver(event(id("evt"), "charge.dispute.funds_withdrawn", opened, t + 61))
                .andExpect(jsonPath("$.result").value("applied"));
        PeriodTotals during = testTotals(campaign);
        assertThat(during.raisedMinor()).isZero();
        assertThat(during.disputedMinor()).isEqualTo(10_000);
        assertThat(during.feesMinor()).as("payment fee and dispute fee").isEqualTo(320 + 1_500);
        assertThat(during.netMinor()).isEqualTo(-1_820);

        Map<String, Object> won =
                StripeJson.dispute(dispute, paid.charge(), paid.intent(), 10_000, "usd", "won", t + 120);
        won.put(
                "balance_transactions",
                List.of(withdrawal, StripeJson.disputeTransaction(id("txn"), 10_000, -1_500, "usd", t + 120)));
        deliver(event(id("evt"), "charge.dispute.closed", won, t + 120))
                .andExpect(jsonPath("$.result").value("applied"));
        deliver(event(id("evt"), "charge.dispute.funds_reinstated", won, t + 121))
                .andExpect(jsonPath("$.result").value("no_effect"));
        PeriodTotals after = testTotals(campaign);
        assertThat(after.raisedMinor()).isEqualTo(10_000);
        assertThat(after.disputedMinor()).isZero();
        assertThat(after.feesMinor()).as("the dispute fee given back").isEqualTo(320);
        assertThat(ledgerKinds(paid.donation()))
                .containsExactly("PAYMENT", "DISPUTE", "DISPUTE_FEE", "DISPUTE_REVERSAL", "DISPUTE_FEE");
        assertThat(ledgerCheck.run().consistent()).isTrue();
    }

    @Test
    void fundsWithdrawnAgainAfterAWinCountOffAgain() throws Exception {
        Campaign campaign = campaign("pre-arbitration");
        long t = now() - 600;
        Paid paid = paid(campaign, 6_000, 204, t);
        String dispute = id("dp");
        Map<String, Object> first = StripeJson.disputeTransaction(id("txn"), -6_000, 0, "usd", t + 10);
        Map<String, Object> back = StripeJson.disputeTransaction(id("txn"), 6_000, 0, "usd", t + 20);
        Map<String, Object> again = StripeJson.disputeTransaction(id("txn"), -6_000, 0, "usd", t + 30);
        Map<String, Object> object =
                StripeJson.dispute(dispute, paid.charge(), paid.intent(), 6_000, "usd", "won", t + 10);
        object.put("balance_transactions", List.of(first, back));
        deliver(event(id("evt"), "charge.dispute.closed", object, t + 20))
                .andExpect(jsonPath("$.result").value("applied"));
        assertThat(testTotals(campaign).raisedMinor()).isEqualTo(6_000);
        // pre-arbitration: the card network takes the funds again, for the same dispute
        Map<String, Object> reopened =
                StripeJson.dispute(dispute, paid.charge(), paid.intent(), 6_000, "usd", "won", t + 10);
        reopened.put("balance_transactions", List.of(first, back, again));
        deliver(event(id("evt"), "charge.dispute.funds_withdrawn", reopened, t + 30))
                .andExpect(jsonPath("$.result").value("applied"));
        assertThat(testTotals(campaign).raisedMinor()).isZero();
        assertThat(testTotals(campaign).disputedMinor()).isEqualTo(6_000);
        // the late delivery of an older state changes nothing
        deliver(event(id("evt"), "charge.dispute.closed", object, t + 20))
                .andExpect(jsonPath("$.result").value("no_effect"));
        assertThat(testTotals(campaign).raisedMinor()).isZero();
        assertThat(jdbc.sql("SELECT source_ref FROM ledger_entry WHERE donation_id = ? AND kind IN "
                                + "('DISPUTE', 'DISPUTE_REVERSAL') ORDER BY id")
                        .param(paid.donation().id())
                        .query(String.class)
                        .list())
                .containsExactly(dispute, dispute, dispute + "/2");
    }

    @Test
    void aDisputeOnAPartlyRefundedChargeTakesWhatStripeWithdrew() throws Exception {
        Campaign campaign = campaign("refund-then-dispute");
        long t = now() - 600;
        Paid paid = paid(campaign, 5_000, 175, t);
        deliver(event(
                        id("evt"),
                        "refund.created",
                        StripeJson.refund(id("re"), paid.charge(), paid.intent(), 2_000, "usd", "succeeded", t + 10),
                        t + 10))
                .andExpect(jsonPath("$.result").value("applied"));
        Map<String, Object> lost =
                StripeJson.dispute(id("dp"), paid.charge(), paid.intent(), 3_000, "usd", "lost", t + 20);
        lost.put(
                "balance_transactions",
                List.of(StripeJson.disputeTransaction(id("txn"), -3_000, 1_500, "usd", t + 20)));
        deliver(event(id("evt"), "charge.dispute.closed", lost, t + 30))
                .andExpect(jsonPath("$.result").value("applied"));
        PeriodTotals figures = testTotals(campaign);
        assertThat(figures.grossMinor()).isEqualTo(5_000);
        assertThat(figures.refundedMinor()).isEqualTo(2_000);
        assertThat(figures.disputedMinor()).isEqualTo(3_000);
        assertThat(figures.raisedMinor()).isZero();
        assertThat(figures.feesMinor()).isEqualTo(175 + 1_500);
    }

    @Test
    void anInvoicePaidByTwoPaymentsCountsOnceAndARefundOfEitherIsFound() throws Exception {
        Campaign campaign = campaign("split-invoice");
        Donation donation = pendingDonation(campaign, DonationInterval.MONTH, 1_000, null);
        String subscription = id("sub");
        String first = id("pi");
        String second = id("pi");
        long t = now() - 600;
        STRIPE.putPaymentIntent(StripeJson.paymentIntent(first, "ch_" + first.substring(3), 600, 47, "usd", null, t));
        STRIPE.putPaymentIntent(
                StripeJson.paymentIntent(second, "ch_" + second.substring(3), 400, 42, "usd", null, t + 30));
        Map<String, Object> invoice = StripeJson.invoice(
                id("in"),
                subscription,
                donation.publicId(),
                1_000,
                "usd",
                "subscription_create",
                "split@example.org",
                t + 30);
        STRIPE.putInvoice(invoice, Map.of(first, 600L, second, 400L));
        deliver(event(id("evt"), "invoice.paid", invoice, t + 30))
                .andExpect(jsonPath("$.result").value("applied"));
        assertThat(testTotals(campaign).raisedMinor()).isEqualTo(1_000);
        assertThat(testTotals(campaign).feesMinor())
                .as("the fees of both payments")
                .isEqualTo(89);
        deliver(event(
                        id("evt"),
                        "refund.created",
                        StripeJson.refund(
                                id("re"), "ch_" + second.substring(3), second, 400, "usd", "succeeded", t + 60),
                        t + 60))
                .andExpect(jsonPath("$.result").value("applied"));
        assertThat(testTotals(campaign).raisedMinor()).isEqualTo(600);
        assertThat(testTotals(campaign).refundedMinor()).isEqualTo(400);
        assertThat(testTotals(campaign).donationCount()).isEqualTo(1);
    }
}
