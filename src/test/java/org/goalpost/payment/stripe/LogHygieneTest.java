package org.goalpost.payment.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.goalpost.campaign.Campaign;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

/**
 * What the running app writes to its log holds no card-like number and no secret, even when an
 * upstream answer or an exception echoes one: a donor who typed a card number into the name field,
 * and Stripe's refusal quoting it back, leave only "[card-like number removed]" in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogHygieneTest extends StripeAppTestBase {

    @Test
    void aCardNumberEchoedByStripeIsNotLogged(CapturedOutput output) throws Exception {
        Campaign campaign = campaign("hygiene");
        STRIPE.server.stubFor(WireMock.post(urlPathEqualTo("/v1/checkout/sessions"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("Request-Id", "req_hygiene")
                        .withBody(
                                "{\"error\":{\"type\":\"invalid_request_error\",\"param\":\"custom_text\",\"message\":"
                                        + "\"Invalid string: 4242 4242 4242 4242 looks like a card number\"}}")));
        mvc.perform(post("/api/campaigns/" + campaign.slug() + "/checkout")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountMinor\":1500,\"interval\":\"once\",\"name\":\"4242 4242 4242 4242\"}"))
                .andExpect(status().isBadGateway());

        assertThat(output.getOut())
                .contains("Stripe refused to open a checkout: Invalid string: [card-like number removed]")
                .doesNotContain("4242 4242 4242 4242");
    }

    @Test
    void secretsInAnExceptionAreNotLogged(CapturedOutput output) {
        LoggerFactory.getLogger(LogHygieneTest.class)
                .error(
                        "Request failed",
                        new IllegalStateException("connect with sk_test_goalpost_tests and " + SECRET));
        assertThat(output.getOut())
                .contains("IllegalStateException: connect with sk_test_[removed] and whsec_[removed]")
                .doesNotContain("sk_test_goalpost_tests")
                .doesNotContain(SECRET);
    }
}
