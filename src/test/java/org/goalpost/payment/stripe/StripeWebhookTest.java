package org.goalpost.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goalpost.payment.stripe.StripeJson.event;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.goalpost.campaign.Campaign;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationInterval;
import org.goalpost.donation.DonationStatus;
import org.goalpost.donation.PeriodTotals;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** {@code POST /stripe/webhook} with really signed events, one Stripe event type after another. */
class StripeWebhookTest extends StripeAppTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private double count(String name, String... tags) {
        io.micrometer.core.instrument.Counter counter =
                meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    /** A one-time donation of {@code amount} paid through Checkout: the session, its PaymentIntent and charge. */
    record Paid(Campaign campaign, Donation donation, String session, String intent, String charge, long amount) {}

    private Paid paid(String prefix, long amount, long fee) {
        Campaign campaign = campaign(prefix);
        Donation donation = pendingDonation(campaign, DonationInterval.ONCE, amount, null);
        String intent = id("pi");
        String charge = id("ch");
        STRIPE.putPaymentIntent(
                StripeJson.paymentIntent(intent, charge, amount, fee, "usd", donation.publicId(), now()));
        return new Paid(campaign, donation, id("cs_test"), intent, charge, amount);
    }

    private Map<String, Object> completed(Paid paid, String paymentStatus) {
        return event(
                id("evt"),
                "checkout.session.completed",
                StripeJson.session(
                        paid.session(),
                        "payment",
                        paymentStatus,
                        "complete",
                        paid.intent(),
                        null,
                        paid.donation().publicId(),
                        paid.amount(),
                        "usd",
                        "ada@example.org",
                        now()),
                now());
    }

    @Nested
    class Signatures {

        @Test
        void aBadSignatureIsRefusedAndWritesNothing() throws Exception {
            Paid paid = paid("sig", 2_500, 103);
            String payload = StripeJson.write(completed(paid, "paid"));
            long before = inboxCount();
            deliver(payload, "whsec_test_wrong", now())
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("Stripe-Signature"));
            mvc.perform(post("/stripe/webhook")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(payload))
                    .andExpect(status().isBadRequest());
            mvc.perform(post("/stripe/webhook")
                            .contentType(MediaType.APPLICATION_JSON)
                            .header("Stripe-Signature", "garbage")
                            .content(payload))
                    .andExpect(status().isBadRequest());
            assertThat(inboxCount()).isEqualTo(before);
            assertThat(testTotals(paid.campaign()).raisedMinor()).isZero();
        }

        @Test
        void aMalformedSignatureHeaderIsRefusedAndWritesNothing() throws Exception {
            Paid paid = paid("malformed", 2_500, 103);
            String payload = StripeJson.write(completed(paid, "paid"));
            long before = inboxCount();
            for (String header : new String[] {"t", "t=", "v1", "t=abc,v1", ",,,", "t=1,v1=", "=", "v1=abc,t"}) {
                mvc.perform(post("/stripe/webhook")
                                .contentType(MediaType.APPLICATION_JSON)
                                .header("Stripe-Signature", header)
                                .content(payload))
                        .andExpect(status().isBadRequest())
                        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                        .andExpect(jsonPath("$.errors[0].field").value("Stripe-Signature"));
            }
            assertThat(inboxCount()).isEqualTo(before);
            assertThat(testTotals(paid.campaign()).raisedMinor()).isZero();
        }

        @Test
        void aTamperedBodyIsRefused() throws Exception {
            Paid paid = paid("tamper", 2_500, 103);
            String payload = StripeJson.write(completed(paid, "paid"));
            String header = sign(payload, SECRET, now());
            String tampered = payload.replace("\"amount_total\":2500", "\"amount_total\":250000");
            assertThat(tampered).isNotEqualTo(payload);
            mvc.perform(post("/stripe/webhook")
                            .contentType(MediaType.APPLICATION_JSON)
                            .header("Stripe-Signature", header)
                            .content(tampered))
                    .andExpect(status().isBadRequest());
            assertThat(testTotals(paid.campaign()).raisedMinor()).isZero();
        }

        @Test
        void aCorrectlySignedBodyThatIsNoEventIsRefusedAndWritesNothing() throws Exception {
            long before = inboxCount();
            for (String payload : new String[] {"not json", "{\"id\": \"evt_1\", \"data\": ", "null", "[]", "{}"}) {
                deliver(payload, SECRET, now())
                        .andExpect(status().isBadRequest())
                        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
            }
            assertThat(inboxCount()).isEqualTo(before);
        }

        @Test
        void aRedeliveryIsADuplicateWhereverItsIdStands() throws Exception {
            Paid paid = paid("redeliver", 1_500, 74);
            Map<String, Object> event = completed(paid, "paid");
            String idFirst = StripeJson.write(event);
            // the same event with its fields in another order: the id is found by the full parse
            Map<String, Object> reordered = new java.util.LinkedHashMap<>(event);
            Object id = reordered.remove("id");
            reordered.put("id", id);
            String idLast = StripeJson.write(reordered);
            assertThat(StripeWebhookVerifier.leadingEventId(idFirst)).contains((String) id);
            assertThat(StripeWebhookVerifier.leadingEventId(idLast)).isEmpty();

            deliver(idLast, SECRET, now())
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.result").value("applied"));
            deliver(idFirst, SECRET, now())
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.result").value("duplicate"));
            deliver(idLast, SECRET, now())
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.result").value("duplicate"));
            assertThat(testTotals(paid.campaign()).raisedMinor()).isEqualTo(1_500);
        }

        @Test
        void onlyALeadingTopLevelIdIsTakenWithoutParsing() {
            assertThat(StripeWebhookVerifier.leadingEventId("{\n  \"id\": \"evt_1Abc_2\",\n  \"object\": \"event\"}"))
                    .contains("evt_1Abc_2");
            assertThat(StripeWebhookVerifier.leadingEventId(
                            "{\"data\": {\"id\": \"evt_nested\"}, \"id\": \"evt_top\"}"))
                    .isEmpty();
            assertThat(StripeWebhookVerifier.leadingEventId("{\"id\": \"ch_notAnEvent\"}"))
                    .isEmpty();
            assertThat(StripeWebhookVerifier.leadingEventId("{\"id\": \"evt_1\\\"quoted\"}"))
                    .isEmpty();
        }

        @Test
        void aStaleSignatureIsRefused() throws Exception {
            Paid paid = paid("stale", 2_500, 103);
            deliver(StripeJson.write(completed(paid, "paid")), SECRET, now() - 301)
                    .andExpect(status().isBadRequest());
            deliver(StripeJson.write(completed(paid, "paid")), SECRET, now() - 250)
                    .andExpect(status().isOk());
        }

        @Test
        void theSecretBeingRotatedOutStillWorksAndSeveralSignaturesAreAccepted() throws Exception {
            Paid paid = paid("rotate", 2_500, 103);
            deliver(StripeJson.write(completed(paid, "paid")), OLD_SECRET, now())
                    .andExpect(status().isOk());
            String payload = StripeJson.write(completed(paid, "paid"));
            long t = now();
            String good = sign(payload, SECRET, t);
            String bad = sign(payload, "whsec_test_other", t);
            String both = bad + "," + good.substring(good.indexOf("v1="));
            mvc.perform(post("/stripe/webhook")
                            .contentType(MediaType.APPLICATION_JSON)
                            .header("Stripe-Signature", both)
                            .content(payload))
                    .andExpect(status().isOk());
            assertThat(testTotals(paid.campaign()).raisedMinor()).isEqualTo(2_500);
        }
    }

    private Map<String, Object> sessionObject(Paid paid, String paymentStatus, String status) {
        return StripeJson.session(
                paid.session(),
                "payment",
                paymentStatus,
                status,
                paid.intent(),
                null,
                paid.donation().publicId(),
                paid.amount(),
                "usd",
                "ada@example.org",
                now());
    }

    private Donation reload(Donation donation) {
        return donations.find(donation.id()).orElseThrow();
    }

    @Nested
    class OneTimeGifts {

        @Test
        void aPaidCheckoutCountsOnceWithItsFee() throws Exception {
            Paid paid = paid("once", 2_500, 103);
            Map<String, Object> event = completed(paid, "paid");
            deliver(event)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.result").value("applied"));
            deliver(event)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.result").value("duplicate"));
            deliver(event(
                            id("evt"),
                            "checkout.session.async_payment_succeeded",
                            sessionObject(paid, "paid", "complete"),
                            now()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.result").value("no_effect"));
            PeriodTotals figures = testTotals(paid.campaign());
            assertThat(figures.raisedMinor()).isEqualTo(2_500);
            assertThat(figures.feesMinor()).isEqualTo(103);
            assertThat(figures.netMinor()).isEqualTo(2_397);
            assertThat(figures.donationCount()).isEqualTo(1);
            assertThat(figures.donorCount()).isEqualTo(1);
            Donation donation = reload(paid.donation());
            assertThat(donation.status()).isEqualTo(DonationStatus.SUCCEEDED);
            assertThat(donation.donorEmail()).isEqualTo("ada@example.org");
            assertThat(ledgerKinds(donation)).containsExactly("PAYMENT");
        }

        @Test
        void whatHappensIsCountedInTheMetrics() throws Exception {
            double applied = count("goalpost.events", "received_by", "WEBHOOK", "result", "applied");
            double duplicates = count("goalpost.events", "received_by", "WEBHOOK", "result", "duplicate");
            double payments = count("goalpost.ledger.rows", "kind", "PAYMENT", "mode", "test");
            long lags = meters.timer("goalpost.webhook.lag").count();
            double amount = amount();
            Paid paid = paid("metrics", 3_300, 126);
            Map<String, Object> event = completed(paid, "paid");
            deliver(event).andExpect(status().isOk());
            deliver(event).andExpect(status().isOk());
            assertThat(count("goalpost.events", "received_by", "WEBHOOK", "result", "applied"))
                    .isEqualTo(applied + 1);
            assertThat(count("goalpost.events", "received_by", "WEBHOOK", "result", "duplicate"))
                    .isEqualTo(duplicates + 1);
            assertThat(count("goalpost.ledger.rows", "kind", "PAYMENT", "mode", "test"))
                    .isEqualTo(payments + 1);
            assertThat(meters.timer("goalpost.webhook.lag").count()).isEqualTo(lags + 1);
            assertThat(amount()).isEqualTo(amount + 3_300);
        }

        private double amount() {
            var summary = meters.find("goalpost.ledger.amount")
                    .tags("kind", "PAYMENT", "currency", "USD", "mode", "test")
                    .summary();
            return summary == null ? 0 : summary.totalAmount();
        }

        @Test
        void anUnpaidCheckoutWaitsForItsDelayedPayment() throws Exception {
            Paid paid = paid("delayed", 4_000, 150);
            deliver(completed(paid, "unpaid")).andExpect(jsonPath("$.result").value("no_effect"));
            assertThat(reload(paid.donation()).status()).isEqualTo(DonationStatus.PENDING);
            assertThat(testTotals(paid.campaign()).raisedMinor()).isZero();
            deliver(event(
                            id("evt"),
                            "checkout.session.async_payment_succeeded",
                            sessionObject(paid, "paid", "complete"),
                            now()))
                    .andExpect(jsonPath("$.result").value("applied"));
            assertThat(testTotals(paid.campaign()).raisedMinor()).isEqualTo(4_000);
            assertThat(reload(paid.donation()).status()).isEqualTo(DonationStatus.SUCCEEDED);
        }

        @Test
        void aFailedDelayedPaymentFailsTheDonationButNeverUndoesASuccess() throws Exception {
            Paid failed = paid("failed", 4_000, 150);
            deliver(event(
                            id("evt"),
                            "checkout.session.async_payment_failed",
                            sessionObject(failed, "unpaid", "complete"),
                            now()))
                    .andExpect(status().isOk());
            assertThat(reload(failed.donation()).status()).isEqualTo(DonationStatus.FAILED);

            Paid succeeded = paid("late-failure", 4_000, 150);
            deliver(completed(succeeded, "paid"));
            deliver(event(
                            id("evt"),
                            "checkout.session.async_payment_failed",
                            sessionObject(succeeded, "unpaid", "complete"),
                            now()))
                    .andExpect(jsonPath("$.result").value("no_effect"));
            deliver(event(id("evt"), "checkout.session.expired", sessionObject(succeeded, "unpaid", "expired"), now()))
                    .andExpect(jsonPath("$.result").value("no_effect"));
            assertThat(reload(succeeded.donation()).status()).isEqualTo(DonationStatus.SUCCEEDED);
            assertThat(testTotals(succeeded.campaign()).raisedMinor()).isEqualTo(4_000);
        }

        @Test
        void anExpiredCheckoutExpiresItsDonation() throws Exception {
            Paid paid = paid("expired", 1_000, 59);
            deliver(event(id("evt"), "checkout.session.expired", sessionObject(paid, "unpaid", "expired"), now()))
                    .andExpect(jsonPath("$.result").value("applied"));
            assertThat(reload(paid.donation()).status()).isEqualTo(DonationStatus.EXPIRED);
            assertThat(testTotals(paid.campaign()).raisedMinor()).isZero();
        }

        @Test
        void liveMoneyIsKeptApartFromTestMoney() throws Exception {
            Paid paid = paid("livemode", 2_500, 103);
            Map<String, Object> event = completed(paid, "paid");
            event.put("livemode", true);
            deliver(event).andExpect(status().isOk());
            assertThat(testTotals(paid.campaign()).raisedMinor()).isZero();
            assertThat(totals.of(paid.campaign(), org.goalpost.campaign.PeriodKey.ALL, true)
                            .raisedMinor())
                    .isEqualTo(2_500);
        }

        @Test
        void unknownEventTypesAreAcknowledgedAndIgnored() throws Exception {
            long before = inboxCount();
            deliver(event(id("evt"), "customer.created", StripeJson.map("id", id("cus"), "object", "customer"), now()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.result").value("no_effect"));
            assertThat(inboxCount()).isEqualTo(before + 1);
        }
    }

    @Nested
    class MonthlyGifts {

        record Monthly(Campaign campaign, Donation donation, String subscription) {}

        private Monthly started() throws Exception {
            Campaign campaign = campaign("monthly");
            Donation donation = pendingDonation(campaign, DonationInterval.MONTH, 1_000, null);
            String subscription = id("sub");
            deliver(event(
                            id("evt"),
                            "checkout.session.completed",
                            StripeJson.subscribedSession(
                                    subscription, donation.publicId(), 1_000, "grace@example.org", now()),
                            now()))
                    .andExpect(jsonPath("$.result").value("applied"));
            return new Monthly(campaign, donation, subscription);
        }

        /** An {@code invoice.paid} event, its PaymentIntent and charge known to Stripe. */
        record Instalment(Map<String, Object> event, String intent, String charge) {}

        private Instalment instalment(Monthly monthly, String reason) {
            String invoice = id("in");
            String intent = id("pi");
            String charge = id("ch");
            STRIPE.putPaymentIntent(StripeJson.paymentIntent(intent, charge, 1_000, 59, "usd", null, now()));
            Map<String, Object> object = StripeJson.invoice(
                    invoice,
                    monthly.subscription(),
                    monthly.donation().publicId(),
                    1_000,
                    "usd",
                    reason,
                    "grace@example.org",
                    now());
            STRIPE.putInvoice(object, intent);
            return new Instalment(event(id("evt"), "invoice.paid", object, now()), intent, charge);
        }

        private Map<String, Object> invoicePaid(Monthly monthly, String reason) {
            return instalment(monthly, reason).event();
        }

        @Test
        void theCheckoutStartsTheSubscriptionAndEachInvoiceCountsOnce() throws Exception {
            Monthly monthly = started();
            assertThat(testTotals(monthly.campaign()).raisedMinor())
                    .as("the first month is counted from its invoice")
                    .isZero();
            Donation donation = reload(monthly.donation());
            assertThat(donation.subscriptionId()).isEqualTo(monthly.subscription());
            assertThat(donation.status()).isEqualTo(DonationStatus.SUCCEEDED);

            Map<String, Object> first = invoicePaid(monthly, "subscription_create");
            deliver(first).andExpect(jsonPath("$.result").value("applied"));
            deliver(first).andExpect(jsonPath("$.result").value("duplicate"));
            deliver(invoicePaid(monthly, "subscription_cycle"))
                    .andExpect(jsonPath("$.result").value("applied"));
            PeriodTotals figures = testTotals(monthly.campaign());
            assertThat(figures.raisedMinor()).isEqualTo(2_000);
            assertThat(figures.feesMinor()).isEqualTo(118);
            assertThat(figures.donationCount()).isEqualTo(2);
            assertThat(figures.donorCount()).isEqualTo(1);
        }

        @Test
        void aFailedInstalmentMovesNoMoneyAndTheSubscriptionsStateIsFollowed() throws Exception {
            Monthly monthly = started();
            Map<String, Object> failedInvoice = StripeJson.invoice(
                    id("in"),
                    monthly.subscription(),
                    monthly.donation().publicId(),
                    0,
                    "usd",
                    "subscription_cycle",
                    null,
                    now());
            deliver(event(id("evt"), "invoice.payment_failed", failedInvoice, now()))
                    .andExpect(status().isOk());
            assertThat(testTotals(monthly.campaign()).raisedMinor()).isZero();

            deliver(event(
                            id("evt"),
                            "customer.subscription.updated",
                            StripeJson.subscription(
                                    monthly.subscription(),
                                    "past_due",
                                    monthly.donation().publicId(),
                                    1_500,
                                    "usd"),
                            now()))
                    .andExpect(jsonPath("$.result").value("applied"));
            Donation updated = reload(monthly.donation());
            assertThat(updated.subscriptionStatus()).isEqualTo("past_due");
            assertThat(updated.amount().minor()).isEqualTo(1_500);
            // within the same second as the last state kept, the order cannot be told by time: Stripe is asked for the
            // newest state
            Map<String, Object> canceled = StripeJson.subscription(
                    monthly.subscription(), "canceled", monthly.donation().publicId(), 1_500, "usd");
            STRIPE.putSubscription(canceled);
            deliver(event(id("evt"), "customer.subscription.deleted", canceled, now()))
                    .andExpect(jsonPath("$.result").value("applied"));
            assertThat(reload(monthly.donation()).subscriptionStatus()).isEqualTo("canceled");
        }

        @Test
        void aRefundOfAnInstalmentArrivingBeforeItsInvoiceWaitsForItAndCostsOneCall() throws Exception {
            Monthly monthly = started();
            Instalment instalment = instalment(monthly, "subscription_create");
            int callsBefore = STRIPE.server.getAllServeEvents().size();
            // the instalment's PaymentIntent carries no donation id: nothing tells it from another integration's
            // payment yet
            deliver(event(
                            id("evt"),
                            "refund.created",
                            StripeJson.refund(
                                    id("re"), instalment.charge(), instalment.intent(), 400, "usd", "succeeded", now()),
                            now()))
                    .andExpect(jsonPath("$.result").value("no_effect"));
            assertThat(STRIPE.server.getAllServeEvents().size() - callsBefore)
                    .as("one call: its PaymentIntent")
                    .isEqualTo(1);
            assertThat(testTotals(monthly.campaign()).raisedMinor()).isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM waiting_fact WHERE payment_intent_id = ?")
                            .param(instalment.intent())
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            // the invoice comes: the instalment counts, and the refund that waited for it comes off in the same
            // transaction
            deliver(instalment.event()).andExpect(jsonPath("$.result").value("applied"));
            assertThat(testTotals(monthly.campaign()).raisedMinor()).isEqualTo(600);
            assertThat(testTotals(monthly.campaign()).refundedMinor()).isEqualTo(400);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM waiting_fact WHERE payment_intent_id = ?")
                            .param(instalment.intent())
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }

    @Nested
    class Refunds {

        @Test
        void partialRefundsComeOffOnceWhicheverEventReportsThem() throws Exception {
            Paid paid = paid("refund", 5_000, 175);
            deliver(completed(paid, "paid"));
            Map<String, Object> first =
                    StripeJson.refund(id("re"), paid.charge(), paid.intent(), 1_000, "usd", "succeeded", now());
            STRIPE.putRefund(first);
            deliver(event(
                            id("evt"),
                            "charge.refunded",
                            StripeJson.charge(paid.charge(), paid.intent(), 5_000, 1_000, "usd", now()),
                            now()))
                    .andExpect(jsonPath("$.result").value("applied"));
            deliver(event(id("evt"), "refund.created", first, now()))
                    .andExpect(jsonPath("$.result").value("no_effect"));
            deliver(event(id("evt"), "refund.updated", first, now()))
                    .andExpect(jsonPath("$.result").value("no_effect"));
            assertThat(testTotals(paid.campaign()).raisedMinor()).isEqualTo(4_000);

            Map<String, Object> second =
                    StripeJson.refund(id("re"), paid.charge(), paid.intent(), 1_500, "usd", "succeeded", now());
            STRIPE.putRefund(second);
            deliver(event(id("evt"), "refund.created", second, now()))
                    .andExpect(jsonPath("$.result").value("applied"));
            // charge.refunded carries the cumulative amount_refunded (2,500): each refund is taken as a value, not the
            // sum again
            deliver(event(
                            id("evt"),
                            "charge.refunded",
                            StripeJson.charge(paid.charge(), paid.intent(), 5_000, 2_500, "usd", now()),
                            now()))
                    .andExpect(jsonPath("$.result").value("no_effect"));
            PeriodTotals figures = testTotals(paid.campaign());
            assertThat(figures.raisedMinor()).isEqualTo(2_500);
            assertThat(figures.refundedMinor()).isEqualTo(2_500);
            assertThat(figures.donationCount()).isEqualTo(1);
        }

        @Test
        void aFullRefund() throws Exception {
            Paid paid = paid("full-refund", 5_000, 175);
            deliver(completed(paid, "paid"));
            STRIPE.putRefund(
                    StripeJson.refund(id("re"), paid.charge(), paid.intent(), 5_000, "usd", "succeeded", now()));
            deliver(event(
                    id("evt"),
                    "charge.refunded",
                    StripeJson.charge(paid.charge(), paid.intent(), 5_000, 5_000, "usd", now()),
                    now()));
            assertThat(testTotals(paid.campaign()).raisedMinor()).isZero();
            assertThat(testTotals(paid.campaign()).refundedMinor()).isEqualTo(5_000);
        }

        @Test
        void aPendingRefundWaitsAndAFailedOneIsReversed() throws Exception {
            Paid paid = paid("refund-fail", 5_000, 175);
            deliver(completed(paid, "paid"));
            String refund = id("re");
            deliver(event(
                            id("evt"),
                            "refund.created",
                            StripeJson.refund(refund, paid.charge(), paid.intent(), 2_000, "usd", "pending", now()),
                            now()))
                    .andExpect(jsonPath("$.result").value("no_effect"));
            assertThat(testTotals(paid.campaign()).raisedMinor()).isEqualTo(5_000);
            deliver(event(
                    id("evt"),
                    "refund.updated",
                    StripeJson.refund(refund, paid.charge(), paid.intent(), 2_000, "usd", "succeeded", now()),
                    now()));
            assertThat(testTotals(paid.campaign()).raisedMinor()).isEqualTo(3_000);
            deliver(event(
                            id("evt"),
                            "refund.failed",
                            StripeJson.refund(refund, paid.charge(), paid.intent(), 2_000, "usd", "failed", now()),
                            now()))
                    .andExpect(jsonPath("$.result").value("applied"));
            assertThat(testTotals(paid.campaign()).raisedMinor()).isEqualTo(5_000);
            assertThat(testTotals(paid.campaign()).refundedMinor()).isZero();
            // a late "succeeded" for the refund that failed changes nothing
            deliver(event(
                            id("evt"),
                            "refund.updated",
                            StripeJson.refund(refund, paid.charge(), paid.intent(), 2_000, "usd", "succeeded", now()),
                            now()))
                    .andExpect(jsonPath("$.result").value("no_effect"));
            assertThat(testTotals(paid.campaign()).raisedMinor()).isEqualTo(5_000);
        }

        @Test
        void aRefundArrivingBeforeItsPaymentCountsThePaymentFirst() throws Exception {
            Paid paid = paid("early-refund", 3_000, 117);
            deliver(event(
                            id("evt"),
                            "refund.created",
                            StripeJson.refund(id("re"), paid.charge(), paid.intent(), 3_000, "usd", "succeeded", now()),
                            now()))
                    .andExpect(jsonPath("$.result").value("applied"));
            assertThat(testTotals(paid.campaign()).grossMinor()).isEqualTo(3_000);
            assertThat(testTotals(paid.campaign()).raisedMinor()).isZero();
            deliver(completed(paid, "paid")).andExpect(jsonPath("$.result").value("no_effect"));
            assertThat(testTotals(paid.campaign()).grossMinor()).isEqualTo(3_000);
            assertThat(testTotals(paid.campaign()).donationCount()).isEqualTo(1);
        }

        @Test
        void aRefundOfAPaymentGoalpostNeverTookIsIgnored() throws Exception {
            String intent = id("pi");
            String charge = id("ch");
            STRIPE.putPaymentIntent(StripeJson.paymentIntent(intent, charge, 9_900, 300, "usd", null, now()));
            deliver(event(
                            id("evt"),
                            "refund.created",
                            StripeJson.refund(id("re"), charge, intent, 9_900, "usd", "succeeded", now()),
                            now()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.result").value("no_effect"));
        }
    }

    @Nested
    class Disputes {

        @Test
        void aDisputeCountsOffWhenOpenedAndComesBackWhenWon() throws Exception {
            Paid paid = paid("dispute-won", 5_000, 175);
            deliver(completed(paid, "paid"));
            String dispute = id("dp");
            deliver(event(
                            id("evt"),
                            "charge.dispute.created",
                            StripeJson.dispute(
                                    dispute, paid.charge(), paid.intent(), 5_000, "usd", "needs_response", now()),
                            now()))
                    .andExpect(jsonPath("$.result").value("applied"));
            deliver(event(
                            id("evt"),
                            "charge.dispute.funds_withdrawn",
                            StripeJson.dispute(
                                    dispute, paid.charge(), paid.intent(), 5_000, "usd", "needs_response", now()),
                            now()))
                    .andExpect(jsonPath("$.result").value("no_effect"));
            assertThat(testTotals(paid.campaign()).raisedMinor()).isZero();
            assertThat(testTotals(paid.campaign()).disputedMinor()).isEqualTo(5_000);
            deliver(event(
                            id("evt"),
                            "charge.dispute.funds_reinstated",
                            StripeJson.dispute(dispute, paid.charge(), paid.intent(), 5_000, "usd", "won", now()),
                            now()))
                    .andExpect(jsonPath("$.result").value("applied"));
            deliver(event(
                            id("evt"),
                            "charge.dispute.closed",
                            StripeJson.dispute(dispute, paid.charge(), paid.intent(), 5_000, "usd", "won", now()),
                            now()))
                    .andExpect(jsonPath("$.result").value("no_effect"));
            assertThat(testTotals(paid.campaign()).raisedMinor()).isEqualTo(5_000);
            assertThat(testTotals(paid.campaign()).disputedMinor()).isZero();
        }

        @Test
        void aLostDisputeStaysOffEvenWhenItsEventsArriveOutOfOrder() throws Exception {
            Paid paid = paid("dispute-lost", 5_000, 175);
            deliver(completed(paid, "paid"));
            String dispute = id("dp");
            deliver(event(
                            id("evt"),
                            "charge.dispute.closed",
                            StripeJson.dispute(dispute, paid.charge(), paid.intent(), 5_000, "usd", "lost", now()),
                            now()))
                    .andExpect(jsonPath("$.result").value("applied"));
            deliver(event(
                            id("evt"),
                            "charge.dispute.created",
                            StripeJson.dispute(
                                    dispute, paid.charge(), paid.intent(), 5_000, "usd", "needs_response", now()),
                            now()))
                    .andExpect(jsonPath("$.result").value("no_effect"));
            assertThat(testTotals(paid.campaign()).raisedMinor()).isZero();
            assertThat(testTotals(paid.campaign()).disputedMinor()).isEqualTo(5_000);
        }

        @Test
        void anInquiryMovesNoMoney() throws Exception {
            Paid paid = paid("inquiry", 5_000, 175);
            deliver(completed(paid, "paid"));
            String dispute = id("dp");
            deliver(event(
                            id("evt"),
                            "charge.dispute.created",
                            StripeJson.dispute(
                                    dispute,
                                    paid.charge(),
                                    paid.intent(),
                                    5_000,
                                    "usd",
                                    "warning_needs_response",
                                    now()),
                            now()))
                    .andExpect(jsonPath("$.result").value("no_effect"));
            deliver(event(
                    id("evt"),
                    "charge.dispute.closed",
                    StripeJson.dispute(dispute, paid.charge(), paid.intent(), 5_000, "usd", "warning_closed", now()),
                    now()));
            assertThat(testTotals(paid.campaign()).raisedMinor()).isEqualTo(5_000);
        }
    }

    @Nested
    class Failures {

        @Test
        void whenStripeCannotBeReadTheEventIsRefusedWithA5xxAndNothingIsWritten() throws Exception {
            Paid paid = paid("outage", 2_500, 103);
            STRIPE.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                            com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                                    "/v1/payment_intents/" + paid.intent()))
                    .atPriority(1)
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                            .withStatus(500)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}")));
            Map<String, Object> event = completed(paid, "paid");
            long before = inboxCount();
            deliver(event)
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
            assertThat(inboxCount()).isEqualTo(before);
            assertThat(testTotals(paid.campaign()).raisedMinor()).isZero();

            STRIPE.reset();
            STRIPE.putPaymentIntent(StripeJson.paymentIntent(
                    paid.intent(),
                    paid.charge(),
                    2_500,
                    103,
                    "usd",
                    paid.donation().publicId(),
                    now()));
            deliver(event)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.result").value("applied"));
            deliver(event).andExpect(jsonPath("$.result").value("duplicate"));
            assertThat(testTotals(paid.campaign()).raisedMinor()).isEqualTo(2_500);
        }
    }
}
