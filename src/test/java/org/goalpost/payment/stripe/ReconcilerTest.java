package org.goalpost.payment.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.goalpost.payment.stripe.StripeJson.event;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.goalpost.campaign.Campaign;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationInterval;
import org.goalpost.donation.DonationStatus;
import org.goalpost.shared.db.DbTime;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost after an outage: while the webhook answers 5xx, Stripe's events pile up; the
 * reconciler reads them from the Events API and applies them; the delayed webhooks then change
 * nothing. Donations still pending a day later are settled from their checkout.
 */
class ReconcilerTest extends StripeAppTestBase {

    @Test
    void afterAnOutageTheReconcilerCountsEverythingOnceAndTheLateWebhooksChangeNothing() throws Exception {
        Campaign campaign = campaign("outage");
        List<Map<String, Object>> batch = new ArrayList<>();
        long expected = 0;
        for (int i = 0; i < 12; i++) {
            long amount = 1_000 + i * 100;
            Donation donation = pendingDonation(campaign, DonationInterval.ONCE, amount, null);
            String intent = id("pi");
            String charge = id("ch");
            STRIPE.putPaymentIntent(
                    StripeJson.paymentIntent(intent, charge, amount, 59, "usd", donation.publicId(), now()));
            batch.add(event(
                    id("evt"),
                    "checkout.session.completed",
                    StripeJson.paidSession(intent, donation.publicId(), amount, "reader" + i + "@example.org", now()),
                    now()));
            expected += amount;
            if (i % 3 == 0) {
                Map<String, Object> refund =
                        StripeJson.refund(id("re"), charge, intent, 500, "usd", "succeeded", now());
                STRIPE.putRefund(refund);
                batch.add(event(id("evt"), "refund.created", refund, now()));
                batch.add(event(
                        id("evt"),
                        "charge.refunded",
                        StripeJson.charge(charge, intent, amount, 500, "usd", now()),
                        now()));
                expected -= 500;
            }
        }
        batch.forEach(STRIPE::putEvent);

        // The outage: the events that reach us get a 5xx and nothing is written; the others never arrive.
        STRIPE.server.stubFor(get(urlPathMatching("/v1/(payment_intents|refunds)(/.*)?"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"down\"}}")));
        long inboxBefore = inboxCount();
        for (Map<String, Object> event : batch.subList(0, 3)) {
            deliver(event).andExpect(status().is5xxServerError());
        }
        assertThat(inboxCount()).isEqualTo(inboxBefore);
        assertThat(testTotals(campaign).raisedMinor()).isZero();

        // Stripe is back; the reconciler runs (as an admin would trigger it).
        STRIPE.server.resetMappings();
        STRIPE.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(urlPathMatching("/v1/.*"))
                .atPriority(10)
                .willReturn(aResponse().withTransformers("fake-stripe")));
        // Stripe lists newest first: a refund may be read before its payment, which it then counts first; every event
        // is new here
        mvc.perform(post("/actuator/reconcile")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.events").value(batch.size()))
                .andExpect(jsonPath("$.applied").value(org.hamcrest.Matchers.greaterThanOrEqualTo(12)))
                .andExpect(jsonPath("$.parked").value(0))
                .andExpect(jsonPath("$.listingComplete").value(true));
        assertThat(testTotals(campaign).raisedMinor()).isEqualTo(expected);
        assertThat(testTotals(campaign).donationCount()).isEqualTo(12);

        // The delayed webhooks arrive, some twice: nothing is counted again.
        for (Map<String, Object> event : batch) {
            deliver(event)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.result").value("duplicate"));
        }
        mvc.perform(post("/actuator/reconcile")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(jsonPath("$.applied").value(0));
        assertThat(testTotals(campaign).raisedMinor()).isEqualTo(expected);
        assertThat(testTotals(campaign).refundedMinor()).isEqualTo(2_000);
    }

    @Test
    void donationsStillPendingADayLaterAreSettledFromTheirCheckout() throws Exception {
        Campaign campaign = campaign("pending");
        Donation paid = pendingDonation(campaign, DonationInterval.ONCE, 2_000, "late@example.org");
        Donation expired = pendingDonation(campaign, DonationInterval.ONCE, 3_000, null);
        Donation neverOpened = pendingDonation(campaign, DonationInterval.ONCE, 4_000, null);
        Donation fresh = pendingDonation(campaign, DonationInterval.ONCE, 5_000, null);
        String intent = id("pi");
        STRIPE.putPaymentIntent(StripeJson.paymentIntent(intent, id("ch"), 2_000, 88, "usd", paid.publicId(), now()));
        STRIPE.putSession(StripeJson.session(
                "cs_test_paid_" + paid.id(),
                "payment",
                "paid",
                "complete",
                intent,
                null,
                paid.publicId(),
                2_000,
                "usd",
                "late@example.org",
                now()));
        STRIPE.putSession(StripeJson.session(
                "cs_test_expired_" + expired.id(),
                "payment",
                "unpaid",
                "expired",
                null,
                null,
                expired.publicId(),
                3_000,
                "usd",
                null,
                now()));
        STRIPE.putSession(StripeJson.session(
                "cs_test_open_" + fresh.id(),
                "payment",
                "unpaid",
                "open",
                null,
                null,
                fresh.publicId(),
                5_000,
                "usd",
                null,
                now()));
        donations.attachCheckout(paid, "cs_test_paid_" + paid.id(), "https://checkout.stripe.test/x", null);
        donations.attachCheckout(expired, "cs_test_expired_" + expired.id(), "https://checkout.stripe.test/y", null);
        donations.attachCheckout(fresh, "cs_test_open_" + fresh.id(), "https://checkout.stripe.test/z", null);
        String dayAndAHalfAgo = DbTime.param(Instant.now().minus(36, ChronoUnit.HOURS));
        jdbc.sql("UPDATE donation SET created_at = :at WHERE id IN (:ids)")
                .param("at", dayAndAHalfAgo)
                .param("ids", List.of(paid.id(), expired.id(), neverOpened.id()))
                .update();

        mvc.perform(post("/actuator/reconcile")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pendingSettled").value(3));
        assertThat(donations.find(paid.id()).orElseThrow().status()).isEqualTo(DonationStatus.SUCCEEDED);
        assertThat(donations.find(expired.id()).orElseThrow().status()).isEqualTo(DonationStatus.EXPIRED);
        assertThat(donations.find(neverOpened.id()).orElseThrow().status()).isEqualTo(DonationStatus.FAILED);
        assertThat(donations.find(fresh.id()).orElseThrow().status())
                .as("opened today: left alone")
                .isEqualTo(DonationStatus.PENDING);
        assertThat(testTotals(campaign).raisedMinor()).isEqualTo(2_000);
        assertThat(testTotals(campaign).feesMinor()).isEqualTo(88);
    }

    @Test
    void onlyAdminsMayRunIt() throws Exception {
        mvc.perform(post("/actuator/reconcile").with(csrf())).andExpect(status().isUnauthorized());
        mvc.perform(post("/actuator/reconcile")
                        .with(user("staff").roles("STAFF"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }
}
