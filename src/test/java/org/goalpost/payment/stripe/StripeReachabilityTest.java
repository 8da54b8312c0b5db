package org.goalpost.payment.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Stripe's reachability is information in {@code /actuator/health}: UP when the stubbed Stripe API
 * answers our key, UNKNOWN with an operator's reason when it does not (5xx, a dropped connection, a
 * revoked key), and never DOWN: the overall status and the probes stay UP through a Stripe outage.
 */
class StripeReachabilityTest extends StripeAppTestBase {

    @Autowired
    StripeApi api;

    private StripeReachability uncached() {
        return new StripeReachability(api, Clock.systemUTC(), Duration.ZERO, Duration.ofSeconds(2));
    }

    @Test
    void upWhenStripeAnswersOurKey() {
        Health health = uncached().health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(STRIPE.requests(RequestMethod.GET, "/v1/events"))
                .singleElement()
                .satisfies(r -> assertThat(r.getUrl()).contains("limit=1"));
    }

    @Test
    void unknownWithTheReasonWhenStripeFailsNeverDown() {
        STRIPE.server.stubFor(get(urlPathEqualTo("/v1/events"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Request-Id", "req_outage")
                        .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}")));
        Health health = uncached().health();
        assertThat(health.getStatus()).isEqualTo(Status.UNKNOWN);
        assertThat(health.getDetails().get("reason")).isEqualTo("Stripe answered HTTP 500 (req_outage)");
        assertThat(STRIPE.requests(RequestMethod.GET, "/v1/events"))
                .as("probed once, no retries")
                .hasSize(1);
        assertThat(StatusAggregator.getDefault().getAggregateStatus(Status.UP, health.getStatus()))
                .as("the overall status stays UP")
                .isEqualTo(Status.UP);

        STRIPE.server.stubFor(get(urlPathEqualTo("/v1/events"))
                .atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(uncached().health().getDetails().get("reason"))
                .isEqualTo("no connection to Stripe (network, DNS or timeout)");

        STRIPE.server.stubFor(get(urlPathEqualTo("/v1/events"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(401)
                        .withBody("{\"error\":{\"type\":\"invalid_request_error\","
                                + "\"message\":\"Invalid API Key provided: sk_test_***\"}}")));
        Health revoked = uncached().health();
        assertThat(revoked.getDetails().get("reason"))
                .isEqualTo("Stripe refuses the API key (revoked or wrong): STRIPE_SECRET_KEY");
        assertThat(revoked.getDetails().toString()).doesNotContain("sk_test_goalpost_tests");
    }

    @Test
    void probedAtMostOncePerCachePeriod() {
        StripeReachability cached =
                new StripeReachability(api, Clock.systemUTC(), Duration.ofMinutes(1), Duration.ofSeconds(2));
        for (int i = 0; i < 50; i++) {
            assertThat(cached.health().getStatus()).isEqualTo(Status.UP);
        }
        assertThat(STRIPE.requests(RequestMethod.GET, "/v1/events")).hasSize(1);
    }

    @Test
    void aComponentOfTheHealthEndpointWithDetailsForAdminsOnly() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.stripe.status").value("UP"))
                .andExpect(jsonPath("$.components.stripe.details").doesNotExist());
        mvc.perform(MockMvcRequestBuilders.get("/actuator/health")
                        .with(user("admin@newsroom.test").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.stripe.details.checkedAt").exists());
        mvc.perform(MockMvcRequestBuilders.get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.stripe").doesNotExist());
        mvc.perform(MockMvcRequestBuilders.get("/actuator/health/liveness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.stripe").doesNotExist());

        // Stripe down: the component says so, the service stays UP (the tests' cache period is 0)
        STRIPE.server.stubFor(get(urlPathEqualTo("/v1/events"))
                .atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        mvc.perform(MockMvcRequestBuilders.get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.stripe.status").value("UNKNOWN"));
        mvc.perform(MockMvcRequestBuilders.get("/actuator/health/readiness")).andExpect(status().isOk());
    }
}
