package org.goalpost.payment.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.goalpost.payment.stripe.StripeJson.event;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.goalpost.campaign.Campaign;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationChannel;
import org.goalpost.donation.DonationInterval;
import org.goalpost.donation.DonationStatus;
import org.goalpost.donation.NewDonation;
import org.goalpost.shared.db.DbTime;
import org.goalpost.testing.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.ResultActions;

/**
 * One bad item never stops the reconciler: an event or a pending donation that fails is parked
 * with its error, the good ones around it are repaired in the same run, the checkpoint moves past
 * it, and an admin sees it, tries it again or dismisses it. A page of the event list that cannot
 * be read ends the listing early without moving the checkpoint; the next run resumes without loss.
 */
@TestPropertySource(
        properties = {
            StaffAccounts.ADMIN_EMAIL_SETTING,
            StaffAccounts.ADMIN_PASSWORD_SETTING,
            StaffAccounts.ADMIN_TOKEN_SETTING
        })
class ReconcilerParkingTest extends StripeAppTestBase {

    private static final String ADMIN = StaffAccounts.bearer(StaffAccounts.ADMIN_TOKEN);

    @Autowired
    MeterRegistry meters;

    private ResultActions reconcile() throws Exception {
        return mvc.perform(post("/actuator/reconcile")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andExpect(status().isOk());
    }

    private Optional<Instant> checkpoint() {
        return jdbc.sql("SELECT position_at FROM reconcile_checkpoint")
                .query((rs, n) -> DbTime.read(rs, "position_at"))
                .optional();
    }

    /** A one-time gift and its PaymentIntent. */
    private record Gift(Donation donation, String intent, long amount, long created) {

        void inStripe() {
            STRIPE.putPaymentIntent(StripeJson.paymentIntent(
                    intent, "ch_" + intent.substring(3), amount, 0, "usd", donation.publicId(), created));
        }
    }

    /**
     * A one-time gift paid in Stripe (or not, if Stripe has lost its payment), and its
     * checkout.session.completed in the event list.
     */
    private Gift paidInTheList(Campaign campaign, long amount, long created, boolean stripeHasThePayment) {
        Gift gift = new Gift(pendingDonation(campaign, DonationInterval.ONCE, amount, null), id("pi"), amount, created);
        if (stripeHasThePayment) {
            gift.inStripe();
        }
        STRIPE.putEvent(event(
                id("evt"),
                "checkout.session.completed",
                StripeJson.paidSession(gift.intent(), gift.donation().publicId(), amount, null, created),
                created));
        return gift;
    }

    private Donation pendingSince36Hours(Donation donation) {
        jdbc.sql("UPDATE donation SET created_at = ? WHERE id = ?")
                .params(DbTime.param(Instant.now().minus(36, ChronoUnit.HOURS)), donation.id())
                .update();
        return donation;
    }

    @Test
    void aPoisonEventAndPendingDonationsThatCannotBeAskedNeverStopTheRest() throws Exception {
        Campaign campaign = campaign("parking");
        long t = now() - 240;
        long expected = paidInTheList(campaign, 1_000, t, true).amount();
        // a payment Stripe does not have (a test-key leftover, say): 404 every time it is asked
        Gift poison = paidInTheList(campaign, 7_700, t + 1, false);
        expected += paidInTheList(campaign, 2_000, t + 2, true).amount();
        expected += paidInTheList(campaign, 3_000, t + 3, true).amount();

        Donation gone = pendingSince36Hours(pendingDonation(campaign, DonationInterval.ONCE, 500, null));
        donations.attachCheckout(gone, "cs_test_gone_" + gone.id(), "https://checkout.stripe.test/gone", null);
        Donation flaky = pendingSince36Hours(pendingDonation(campaign, DonationInterval.ONCE, 600, null));
        donations.attachCheckout(flaky, "cs_test_flaky_" + flaky.id(), "https://checkout.stripe.test/flaky", null);
        STRIPE.server.stubFor(WireMock.get(urlPathEqualTo("/v1/checkout/sessions/cs_test_flaky_" + flaky.id()))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"try later\"}}")));
        Donation expiring = pendingSince36Hours(pendingDonation(campaign, DonationInterval.ONCE, 700, null));
        donations.attachCheckout(expiring, "cs_test_exp_" + expiring.id(), "https://checkout.stripe.test/exp", null);
        STRIPE.putSession(StripeJson.session(
                "cs_test_exp_" + expiring.id(),
                "payment",
                "unpaid",
                "expired",
                null,
                null,
                expiring.publicId(),
                700,
                "usd",
                null,
                now()));
        // opened by the local test gateway before Stripe was connected: Stripe cannot be asked about it
        Donation leftover = pendingSince36Hours(donations.open(
                new NewDonation(
                        campaign.id(),
                        DonationChannel.TEST_GATEWAY,
                        new NewDonation.Charge(
                                DonationInterval.ONCE, campaign.money(800), campaign.money(800), false, false),
                        new NewDonation.Giver(null, null, false, null, false),
                        null,
                        null),
                DonationStatus.PENDING));
        donations.attachCheckout(leftover, "test_cs_leftover_" + leftover.id(), "/test-checkout/x", null);

        reconcile()
                .andExpect(jsonPath("$.events").value(4))
                .andExpect(jsonPath("$.applied").value(3))
                .andExpect(jsonPath("$.parked").value(2))
                .andExpect(jsonPath("$.pendingSettled").value(3))
                .andExpect(jsonPath("$.listingComplete").value(true));
        assertThat(testTotals(campaign).raisedMinor())
                .as("the good ones, repaired in the same run")
                .isEqualTo(expected);
        Donation abandoned = donations.find(gone.id()).orElseThrow();
        assertThat(abandoned.status()).isEqualTo(DonationStatus.ABANDONED);
        assertThat(abandoned.statusReason()).contains("Stripe has no checkout").contains("404");
        Donation notAsked = donations.find(leftover.id()).orElseThrow();
        assertThat(notAsked.status()).isEqualTo(DonationStatus.ABANDONED);
        assertThat(notAsked.statusReason()).contains("test_gateway").contains("cannot ask");
        assertThat(STRIPE.requests(RequestMethod.GET, "/v1/checkout/sessions/test_cs_"))
                .isEmpty();
        assertThat(donations.find(expiring.id()).orElseThrow().status()).isEqualTo(DonationStatus.EXPIRED);
        assertThat(donations.find(flaky.id()).orElseThrow().status()).isEqualTo(DonationStatus.PENDING);
        assertThat(checkpoint())
                .as("moved past the parked event")
                .hasValueSatisfying(at -> assertThat(at.getEpochSecond()).isEqualTo(t + 3));

        // admins see what is parked, and why (staff may not: AccessRulesTest)
        String eventKey = "event:"
                + jdbc.sql("SELECT ref FROM reconcile_parked WHERE kind = 'EVENT'")
                        .query(String.class)
                        .single();
        String pendingKey = "pending:" + flaky.publicId();
        mvc.perform(get("/api/staff/reconciler/parked").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[?(@.key == '" + pendingKey + "')].state")
                        .value("PARKED"))
                .andExpect(jsonPath("$.items[?(@.key == '" + eventKey + "')].label")
                        .value("checkout.session.completed"))
                .andExpect(jsonPath("$.items[?(@.key == '" + eventKey + "')].error")
                        .value(hasItem(containsString("No such object"))))
                .andExpect(jsonPath("$.items[?(@.key == '" + pendingKey + "')].error")
                        .value(hasItem(containsString("could not be reached"))));
        assertThat(meters.get("goalpost.reconciler.parked").gauge().value()).isEqualTo(2.0);

        // the next run does not try them before their delay, and counts nothing twice
        reconcile()
                .andExpect(jsonPath("$.applied").value(0))
                .andExpect(jsonPath("$.retried").value(0))
                .andExpect(jsonPath("$.parked").value(0));
        assertThat(testTotals(campaign).raisedMinor()).isEqualTo(expected);

        // tried again now while Stripe still lacks the payment: parked again, one more attempt
        mvc.perform(post("/api/staff/reconciler/parked/{key}/retry", eventKey).header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.done").value(false))
                .andExpect(jsonPath("$.item.attempts").value(2));
        // the cause is fixed: tried again, it counts, once
        poison.inStripe();
        mvc.perform(post("/api/staff/reconciler/parked/{key}/retry", eventKey).header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.done").value(true))
                .andExpect(jsonPath("$.item.state").value("RESOLVED"));
        assertThat(testTotals(campaign).raisedMinor()).isEqualTo(expected + poison.amount());
        // the other is dismissed by an admin: no longer tried, nor counted
        mvc.perform(post("/api/staff/reconciler/parked/{key}/dismiss", pendingKey)
                        .header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.done").value(true))
                .andExpect(jsonPath("$.item.state").value("DISMISSED"))
                .andExpect(jsonPath("$.item.closedBy").isNotEmpty());
        assertThat(meters.get("goalpost.reconciler.parked").gauge().value()).isZero();
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE target IN (?, ?) ORDER BY id")
                        .params(eventKey, pendingKey)
                        .query(String.class)
                        .list())
                .containsExactly(
                        "reconciler.parked.retried", "reconciler.parked.retried", "reconciler.parked.dismissed");
        mvc.perform(post("/api/staff/reconciler/parked/{key}/retry", "event:evt_nothing")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isNotFound());
    }

    @Test
    void aRateLimitInTheMiddleOfTheListResumesOnTheNextRunWithoutLoss() throws Exception {
        Campaign campaign = campaign("rate-limited");
        long t = now() - 200;
        long expected = 0;
        for (int i = 0; i < 150; i++) {
            expected += paidInTheList(campaign, 100 + i, t + i, true).amount();
        }
        // Stripe answers the first page, then 429 for every later one (the client retries, then gives up)
        STRIPE.server.stubFor(WireMock.get(urlPathEqualTo("/v1/events"))
                .withQueryParam("starting_after", matching(".+"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"invalid_request_error\","
                                + "\"code\":\"rate_limit\",\"message\":\"Too many\"}}")));
        reconcile()
                .andExpect(jsonPath("$.events").value(100))
                .andExpect(jsonPath("$.applied").value(100))
                .andExpect(jsonPath("$.listingComplete").value(false))
                .andExpect(jsonPath("$.listingError").value(containsString("busy")));
        assertThat(checkpoint()).as("not moved: the older half was never read").isEmpty();
        assertThat(testTotals(campaign).donationCount()).isEqualTo(100);

        STRIPE.server.resetMappings();
        STRIPE.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/v1/.*"))
                .atPriority(10)
                .willReturn(aResponse().withTransformers("fake-stripe")));
        reconcile()
                .andExpect(jsonPath("$.events").value(150))
                .andExpect(jsonPath("$.duplicates").value(100))
                .andExpect(jsonPath("$.applied").value(50))
                .andExpect(jsonPath("$.listingComplete").value(true));
        assertThat(testTotals(campaign).raisedMinor()).isEqualTo(expected);
        assertThat(testTotals(campaign).donationCount()).isEqualTo(150);
        assertThat(checkpoint())
                .hasValueSatisfying(at -> assertThat(at.getEpochSecond()).isEqualTo(t + 149));
    }
}
