package org.goalpost.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.stripe.Stripe;
import java.util.List;
import java.util.Map;
import org.goalpost.campaign.Campaign;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationInterval;
import org.goalpost.donation.DonationStatus;
import org.goalpost.payment.stripe.StripeJson.Legacy;
import org.junit.jupiter.api.Test;

/**
 * Events of an older API version ({@code 2024-06-20}, before basil), as an account opened years
 * ago gets them from the Events API and, when its endpoint is not pinned, from the webhook: an
 * invoice there names its subscription at the top level and has no {@code parent}. Nothing may be
 * recorded as "no effect" because a field moved: Goalpost's objects are recognised in either shape
 * and read again from Stripe at the pinned version; other integrations' objects cost at most one call.
 */
class OldApiVersionTest extends StripeAppTestBase {

    private record Monthly(Campaign campaign, Donation donation, String subscription) {}

    private Monthly monthly(String prefix, long amount) throws Exception {
        Campaign campaign = campaign(prefix);
        Donation donation = pendingDonation(campaign, DonationInterval.MONTH, amount, null);
        String subscription = id("sub");
        String session = id("cs_test");
        STRIPE.putSubscription(StripeJson.subscription(subscription, "active", donation.publicId(), amount, "usd"));
        STRIPE.putSession(StripeJson.session(
                session,
                "subscription",
                "paid",
                "complete",
                null,
                subscription,
                donation.publicId(),
                amount,
                "usd",
                "old@example.org",
                now()));
        deliver(Legacy.event(
                        id("evt"),
                        "checkout.session.completed",
                        Legacy.session(
                                session,
                                "subscription",
                                "paid",
                                "complete",
                                null,
                                subscription,
                                donation.publicId(),
                                amount,
                                "usd",
                                "old@example.org",
                                now()),
                        now()))
                .andExpect(jsonPath("$.result").value("applied"));
        return new Monthly(campaign, donation, subscription);
    }

    /**
     * A renewal as Stripe knows it (invoice and payment, at the pinned version) and its old-shaped {@code
     * invoice.paid} event.
     */
    private Map<String, Object> renewal(Monthly monthly, long amount, long fee, long paidAt) {
        String invoice = id("in");
        String intent = id("pi");
        String charge = id("ch");
        STRIPE.putPaymentIntent(StripeJson.paymentIntent(intent, charge, amount, fee, "usd", null, paidAt));
        STRIPE.putInvoice(
                StripeJson.invoice(
                        invoice,
                        monthly.subscription(),
                        monthly.donation().publicId(),
                        amount,
                        "usd",
                        "subscription_cycle",
                        "old@example.org",
                        paidAt),
                intent);
        return Legacy.event(
                id("evt"),
                "invoice.paid",
                Legacy.invoice(
                        invoice,
                        monthly.subscription(),
                        monthly.donation().publicId(),
                        intent,
                        charge,
                        amount,
                        "usd",
                        "subscription_cycle",
                        "old@example.org",
                        paidAt),
                paidAt);
    }

    @Test
    void renewalsTheWebhookMissedAreCountedByTheReconcilerFromOldShapedEvents() throws Exception {
        Monthly monthly = monthly("old-renewals", 1_200);
        long start = now() - 3 * 86_400;
        for (int k = 0; k < 3; k++) {
            STRIPE.putEvent(renewal(monthly, 1_200, 65, start + k * 3_600));
        }
        // the webhook never delivered them (an outage); the reconciler reads them from the Events API, old-shaped
        mvc.perform(post("/actuator/reconcile")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events").value(3))
                .andExpect(jsonPath("$.applied").value(3))
                .andExpect(jsonPath("$.noEffect").value(0))
                .andExpect(jsonPath("$.parked").value(0));
        assertThat(testTotals(monthly.campaign()).raisedMinor()).isEqualTo(3_600);
        assertThat(testTotals(monthly.campaign()).feesMinor()).isEqualTo(195);
        assertThat(testTotals(monthly.campaign()).donationCount()).isEqualTo(3);
        // the invoices were read again, at the version the app speaks
        assertThat(STRIPE.versionsAsked("/v1/invoices/")).hasSize(3).containsOnly(Stripe.API_VERSION);
        assertThat(STRIPE.versionsAsked("/v1/events")).containsOnly(Stripe.API_VERSION);
    }

    @Test
    void oldShapedEventsThroughTheWebhookCountExactlyAsPinnedOnes() throws Exception {
        // a one-time gift: checkout, two refund events and a charge.refunded for one refund, a dispute won
        Campaign campaign = campaign("old-webhook");
        Donation donation = pendingDonation(campaign, DonationInterval.ONCE, 5_000, null);
        String intent = id("pi");
        String charge = id("ch");
        String session = id("cs_test");
        STRIPE.putPaymentIntent(
                StripeJson.paymentIntent(intent, charge, 5_000, 175, "usd", donation.publicId(), now()));
        STRIPE.putSession(StripeJson.session(
                session,
                "payment",
                "paid",
                "complete",
                intent,
                null,
                donation.publicId(),
                5_000,
                "usd",
                "old@example.org",
                now()));
        deliver(Legacy.event(
                        id("evt"),
                        "checkout.session.completed",
                        Legacy.session(
                                session,
                                "payment",
                                "paid",
                                "complete",
                                intent,
                                null,
                                donation.publicId(),
                                5_000,
                                "usd",
                                "old@example.org",
                                now()),
                        now()))
                .andExpect(jsonPath("$.result").value("applied"));
        Map<String, Object> refund = StripeJson.refund(id("re"), charge, intent, 1_000, "usd", "succeeded", now());
        STRIPE.putRefund(refund);
        deliver(Legacy.event(
                        id("evt"),
                        "refund.created",
                        Legacy.refund((String) refund.get("id"), charge, intent, 1_000, "usd", "pending", now()),
                        now()))
                .andExpect(jsonPath("$.result").value("applied"));
        deliver(Legacy.event(
                        id("evt"),
                        "charge.refunded",
                        Legacy.charge(charge, intent, null, 5_000, 1_000, "usd", now()),
                        now()))
                .andExpect(jsonPath("$.result").value("no_effect"));
        String dispute = id("dp");
        Map<String, Object> won = StripeJson.dispute(dispute, charge, intent, 4_000, "usd", "won", now());
        STRIPE.putDispute(won);
        deliver(Legacy.event(
                        id("evt"),
                        "charge.dispute.created",
                        Legacy.dispute(dispute, charge, intent, 4_000, "usd", "needs_response", now()),
                        now()))
                .andExpect(jsonPath("$.result").value("applied"));
        assertThat(testTotals(campaign).raisedMinor())
                .as("5,000 - 1,000 refunded; the dispute, read again, is already won")
                .isEqualTo(4_000);
        assertThat(testTotals(campaign).refundedMinor()).isEqualTo(1_000);
        assertThat(donations.find(donation.id()).orElseThrow().status()).isEqualTo(DonationStatus.SUCCEEDED);

        // a recurring gift: old-shaped start, instalment and failed instalment
        Monthly monthly = monthly("old-webhook-monthly", 900);
        deliver(renewal(monthly, 900, 56, now())).andExpect(jsonPath("$.result").value("applied"));
        deliver(Legacy.event(
                        id("evt"),
                        "invoice.payment_failed",
                        Legacy.invoice(
                                id("in"),
                                monthly.subscription(),
                                null,
                                null,
                                null,
                                0,
                                "usd",
                                "subscription_cycle",
                                "old@example.org",
                                now()),
                        now()))
                .andExpect(status().isOk());
        assertThat(testTotals(monthly.campaign()).raisedMinor()).isEqualTo(900);
        assertThat(donations.find(monthly.donation().id()).orElseThrow().subscriptionId())
                .isEqualTo(monthly.subscription());
    }

    @Test
    void anotherIntegrationsEventsCostAtMostOneCallEachAndChangeNothing() throws Exception {
        Campaign campaign = campaign("old-foreign");
        long raisedBefore = testTotals(campaign).raisedMinor();
        // a paywall's subscription and a shop's payment on the same Stripe account
        STRIPE.putSubscription(StripeJson.map(
                "id",
                "sub_paywall_1",
                "object",
                "subscription",
                "status",
                "active",
                "livemode",
                false,
                "metadata",
                StripeJson.map("plan", "digital")));
        STRIPE.putPaymentIntent(StripeJson.paymentIntent("pi_shop_1", "ch_shop_1", 4_900, 172, "usd", null, now()));
        List<Map<String, Object>> foreign = List.of(
                Legacy.event(
                        id("evt"),
                        "invoice.paid",
                        Legacy.invoice(
                                id("in"),
                                "sub_paywall_1",
                                null,
                                "pi_paywall_1",
                                "ch_paywall_1",
                                800,
                                "usd",
                                "subscription_cycle",
                                "reader@example.org",
                                now()),
                        now()),
                Legacy.event(
                        id("evt"),
                        "customer.subscription.updated",
                        StripeJson.map(
                                "id",
                                "sub_paywall_1",
                                "object",
                                "subscription",
                                "status",
                                "past_due",
                                "metadata",
                                StripeJson.map("plan", "digital")),
                        now()),
                Legacy.event(
                        id("evt"),
                        "checkout.session.completed",
                        Legacy.session(
                                id("cs_shop"),
                                "payment",
                                "paid",
                                "complete",
                                "pi_shop_1",
                                null,
                                null,
                                4_900,
                                "usd",
                                "buyer@example.org",
                                now()),
                        now()),
                Legacy.event(
                        id("evt"),
                        "charge.refunded",
                        Legacy.charge("ch_shop_1", "pi_shop_1", null, 4_900, 4_900, "usd", now()),
                        now()),
                Legacy.event(
                        id("evt"),
                        "refund.created",
                        Legacy.refund(id("re"), "ch_shop_1", "pi_shop_1", 4_900, "usd", "succeeded", now()),
                        now()),
                Legacy.event(
                        id("evt"),
                        "charge.dispute.created",
                        Legacy.dispute(id("dp"), "ch_shop_1", "pi_shop_1", 4_900, "usd", "needs_response", now()),
                        now()),
                Legacy.event(
                        id("evt"),
                        "charge.refunded",
                        Legacy.charge("ch_legacy_1", null, null, 300, 300, "usd", now()),
                        now()));
        for (Map<String, Object> event : foreign) {
            int before = STRIPE.server.getAllServeEvents().size();
            deliver(event)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.result").value("no_effect"));
            assertThat(STRIPE.server.getAllServeEvents().size() - before)
                    .as("calls for a foreign %s", event.get("type"))
                    .isLessThanOrEqualTo(1);
        }
        assertThat(testTotals(campaign).raisedMinor()).isEqualTo(raisedBefore);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_entry WHERE source_ref LIKE '%shop%' OR "
                                + "source_ref LIKE '%paywall%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theReconcilerAsksOnlyForTheEventTypesItHandles() throws Exception {
        Campaign campaign = campaign("old-types");
        STRIPE.putEvent(Legacy.event(
                id("evt"), "customer.created", StripeJson.map("id", "cus_1", "object", "customer"), now()));
        STRIPE.putEvent(
                Legacy.event(id("evt"), "product.updated", StripeJson.map("id", "prod_1", "object", "product"), now()));
        mvc.perform(post("/actuator/reconcile")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(jsonPath("$.events").value(0));
        String listed = STRIPE.requests(com.github.tomakehurst.wiremock.http.RequestMethod.GET, "/v1/events")
                .get(0)
                .getUrl();
        assertThat(java.net.URLDecoder.decode(listed, java.nio.charset.StandardCharsets.UTF_8))
                .contains("types[0]=checkout.session.completed")
                .contains("invoice.paid")
                .contains("charge.dispute.funds_reinstated")
                .doesNotContain("customer.created");
        assertThat(testTotals(campaign).raisedMinor()).isZero();
    }
}
