package org.goalpost.payment.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goalpost.campaign.Campaign;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationInterval;
import org.goalpost.donation.DonationStatus;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Opening Stripe Checkout: the exact request Stripe gets, its idempotency key, retries, and errors the donor
 * understands.
 */
class StripeCheckoutTest extends StripeAppTestBase {

    private ResultActions checkout(String slug, String json) throws Exception {
        return mvc.perform(post("/api/campaigns/" + slug + "/checkout")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(
                    URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return params;
    }

    private List<LoggedRequest> sessionRequests() {
        return STRIPE.requests(RequestMethod.POST, "/v1/checkout/sessions");
    }

    @Test
    void aOneTimeGiftOpensAPaymentModeCheckoutWithTheDonationInItsMetadata() throws Exception {
        Campaign campaign = campaign("checkout-once");
        String body = checkout(
                        campaign.slug(),
                        "{\"amountMinor\":2500,\"interval\":\"once\",\"email\":\"ada@example.org\",\"name\":\"Ada\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.checkoutUrl")
                        .value(org.hamcrest.Matchers.startsWith("https://checkout.stripe.test/c/pay/cs_test_")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String donationId = com.jayway.jsonpath.JsonPath.read(body, "$.donationId");

        assertThat(sessionRequests()).hasSize(1);
        LoggedRequest request = sessionRequests().get(0);
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo("goalpost-checkout-" + donationId);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sk_test_goalpost_tests");
        Map<String, String> params = form(request);
        assertThat(params)
                .containsEntry("mode", "payment")
                .containsEntry("submit_type", "donate")
                .containsEntry("client_reference_id", donationId)
                .containsEntry("metadata[donation_id]", donationId)
                .containsEntry("metadata[campaign]", campaign.slug())
                .containsEntry("payment_intent_data[metadata][donation_id]", donationId)
                .containsEntry("payment_intent_data[metadata][campaign]", campaign.slug())
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("line_items[0][price_data][currency]", "usd")
                .containsEntry("line_items[0][price_data][unit_amount]", "2500")
                .containsEntry("line_items[0][price_data][product_data][name]", "Donation: " + campaign.title())
                .containsEntry("customer_email", "ada@example.org")
                .containsEntry("adaptive_pricing[enabled]", "false")
                .containsEntry("locale", "en")
                .containsEntry(
                        "success_url",
                        "https://give.example.org/campaigns/" + campaign.slug() + "/thanks?donation=" + donationId)
                .containsEntry(
                        "cancel_url",
                        "https://give.example.org/campaigns/" + campaign.slug() + "?canceled=" + donationId);
        assertThat(params.keySet()).noneMatch(key -> key.startsWith("subscription_data"));
        assertThat(params.keySet()).noneMatch(key -> key.contains("recurring"));

        Donation donation = donations.findByPublicId(donationId).orElseThrow();
        assertThat(donation.status()).isEqualTo(DonationStatus.PENDING);
        assertThat(donation.checkoutSessionId()).startsWith("cs_test_");
        assertThat(testTotals(campaign).raisedMinor())
                .as("opening a checkout moves no money")
                .isZero();
    }

    @Test
    void aMonthlyGiftOpensASubscriptionModeCheckoutWithAMonthlyPrice() throws Exception {
        Campaign campaign = campaign("checkout-monthly");
        checkout(campaign.slug(), "{\"amountMinor\":1234,\"interval\":\"month\"}")
                .andExpect(status().isCreated());
        Map<String, String> params = form(sessionRequests().get(0));
        String donationId = params.get("client_reference_id");
        assertThat(params)
                .containsEntry("mode", "subscription")
                .containsEntry("line_items[0][price_data][unit_amount]", "1234")
                .containsEntry("line_items[0][price_data][recurring][interval]", "month")
                .containsEntry("subscription_data[metadata][donation_id]", donationId)
                .containsEntry("subscription_data[metadata][campaign]", campaign.slug())
                .containsEntry("metadata[donation_id]", donationId);
        assertThat(params).doesNotContainKey("submit_type").doesNotContainKey("customer_email");
        assertThat(params.keySet()).noneMatch(key -> key.startsWith("payment_intent_data"));
    }

    @Test
    void aYearlyGiftOpensASubscriptionModeCheckoutWithAYearlyPrice() throws Exception {
        Campaign campaign = campaign("checkout-yearly");
        checkout(campaign.slug(), "{\"amountMinor\":12000,\"interval\":\"year\"}")
                .andExpect(status().isCreated());
        Map<String, String> params = form(sessionRequests().get(0));
        String donationId = params.get("client_reference_id");
        assertThat(params)
                .containsEntry("mode", "subscription")
                .containsEntry("line_items[0][price_data][unit_amount]", "12000")
                .containsEntry("line_items[0][price_data][recurring][interval]", "year")
                .containsEntry("line_items[0][price_data][product_data][name]", "Yearly donation: " + campaign.title())
                .containsEntry("subscription_data[metadata][donation_id]", donationId);
        assertThat(params.keySet()).noneMatch(key -> key.startsWith("payment_intent_data"));
        assertThat(donations.findByPublicId(donationId).orElseThrow().interval())
                .isEqualTo(DonationInterval.YEAR);
    }

    @Test
    void stripesPageSpeaksTheDonorsLanguage() throws Exception {
        Campaign campaign = campaign("checkout-de");
        mvc.perform(post("/api/campaigns/" + campaign.slug() + "/checkout")
                        .header("Accept-Language", "de-DE,de;q=0.9")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountMinor\":1500,\"interval\":\"once\"}"))
                .andExpect(status().isCreated());
        Map<String, String> params = form(sessionRequests().get(0));
        assertThat(params).containsEntry("locale", "de");
        assertThat(donations
                        .findByPublicId(params.get("client_reference_id"))
                        .orElseThrow()
                        .locale())
                .isEqualTo("de-DE");
    }

    @Test
    void coveringTheFeesGrossesTheChargeUp() throws Exception {
        Campaign campaign = campaign("checkout-fees");
        checkout(campaign.slug(), "{\"amountMinor\":2500,\"coverFees\":true}").andExpect(status().isCreated());
        assertThat(form(sessionRequests().get(0))).containsEntry("line_items[0][price_data][unit_amount]", "2606");
    }

    @Test
    void aRefusedRequestMakesNoStripeCallAndWritesNothing() throws Exception {
        Campaign campaign = campaign("checkout-refused");
        long before =
                jdbc.sql("SELECT COUNT(*) FROM donation").query(Long.class).single();
        checkout(campaign.slug(), "{\"amountMinor\":50}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("amountMinor"));
        checkout(
                        campaign.slug(),
                        "{\"amountMinor\":2500,\"interval\":\"weekly\",\"message\":\"" + "x".repeat(501) + "\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("interval", "message")));
        checkout(campaign.slug(), "{\"amountMinor\":25.5}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amountMinor"));
        checkout(campaign.slug(), "{\"amountMinor\":\"2500\"}").andExpect(status().isBadRequest());
        checkout(campaign.slug(), "{not json")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        checkout("no-such-campaign", "{\"amountMinor\":2500}").andExpect(status().isNotFound());
        assertThat(sessionRequests()).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM donation").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void aDoubleSubmitWithTheSameKeyOpensOneCheckout() throws Exception {
        Campaign campaign = campaign("checkout-double");
        String json = "{\"amountMinor\":2500}";
        String first = mvc.perform(post("/api/campaigns/" + campaign.slug() + "/checkout")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", "widget-abc-1")
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String second = mvc.perform(post("/api/campaigns/" + campaign.slug() + "/checkout")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", "widget-abc-1")
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(second).isEqualTo(first);
        assertThat(sessionRequests()).hasSize(1);
        mvc.perform(post("/api/campaigns/" + campaign.slug() + "/checkout")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", "widget-abc-1")
                        .content("{\"amountMinor\":9900}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
    }

    @Test
    void stripe5xxIsRetriedWithTheSameIdempotencyKey() throws Exception {
        Campaign campaign = campaign("checkout-retry");
        STRIPE.server.stubFor(WireMock.post(urlPathEqualTo("/v1/checkout/sessions"))
                .atPriority(1)
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("failed once")
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"Something went wrong\"}}")));
        STRIPE.server.stubFor(WireMock.post(urlPathEqualTo("/v1/checkout/sessions"))
                .atPriority(1)
                .inScenario("flaky")
                .whenScenarioStateIs("failed once")
                .willSetStateTo("recovered")
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"Unavailable\"}}")));
        checkout(campaign.slug(), "{\"amountMinor\":2500}").andExpect(status().isCreated());
        List<LoggedRequest> attempts = sessionRequests();
        assertThat(attempts).hasSize(3);
        assertThat(attempts)
                .extracting(r -> r.getHeader("Idempotency-Key"))
                .containsOnly(attempts.get(0).getHeader("Idempotency-Key"));
    }

    @Test
    void aTimeoutIsRetriedWithTheSameIdempotencyKey() throws Exception {
        Campaign campaign = campaign("checkout-timeout");
        STRIPE.server.stubFor(WireMock.post(urlPathEqualTo("/v1/checkout/sessions"))
                .atPriority(1)
                .inScenario("slow")
                .whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("answered")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withFixedDelay(3_000)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"cs_test_too_late\",\"object\":\"checkout.session\"}")));
        checkout(campaign.slug(), "{\"amountMinor\":2500}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.checkoutUrl")
                        .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("too_late"))));
        List<LoggedRequest> attempts = sessionRequests();
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(1).getHeader("Idempotency-Key"))
                .isEqualTo(attempts.get(0).getHeader("Idempotency-Key"));
    }

    @Test
    void whenStripeStaysDownTheDonorIsToldToTryAgain() throws Exception {
        Campaign campaign = campaign("checkout-down");
        STRIPE.server.stubFor(WireMock.post(urlPathEqualTo("/v1/checkout/sessions"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"Unavailable\"}}")));
        checkout(campaign.slug(), "{\"amountMinor\":2500}")
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail")
                        .value("The payment provider could not be reached; nothing was charged. Please try again."));
        assertThat(sessionRequests()).hasSize(3);
        mvc.perform(post("/campaigns/" + campaign.slug() + "/donate")
                        .with(csrf())
                        .param("amount", "2500")
                        .param("requestKey", "page-down-1"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString("could not be reached; nothing was charged")));
    }

    @Test
    void aRefusalFromStripeIsExplained() throws Exception {
        Campaign campaign = campaign("checkout-refusal");
        STRIPE.server.stubFor(WireMock.post(urlPathEqualTo("/v1/checkout/sessions"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"invalid_request_error\","
                                + "\"message\":\"Amount must convert to at least 50 cents.\"}}")));
        checkout(campaign.slug(), "{\"amountMinor\":2500}")
                .andExpect(status().isBadGateway())
                .andExpect(jsonPath("$.detail")
                        .value("The payment provider refused this: Amount must convert to at least 50 cents."));
        assertThat(sessionRequests()).as("a refusal is not retried").hasSize(1);
    }

    @Test
    void theDonateFormRedirectsToStripe() throws Exception {
        Campaign campaign = campaign("checkout-form");
        mvc.perform(post("/campaigns/" + campaign.slug() + "/donate")
                        .with(csrf())
                        .param("amount", "5000")
                        .param("interval", "once")
                        .param("requestKey", "page-key-1"))
                .andExpect(status().isSeeOther())
                .andExpect(header().string(
                                "Location",
                                org.hamcrest.Matchers.startsWith("https://checkout.stripe.test/c/pay/cs_test_")));
    }
}
