package org.goalpost.payment.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import java.util.concurrent.atomic.AtomicInteger;
import org.goalpost.campaign.Campaign;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The optional person check (here Turnstile, verified against a stubbed verify endpoint): one
 * checkout per address and hour goes through without it; the next is refused with a 403 naming the
 * provider and site key (nothing written, nothing sent to Stripe) until a token the provider passes
 * comes with it. A failed token is refused; an unreachable provider is a 503, never a skipped check.
 */
@TestPropertySource(
        properties = {
            "goalpost.captcha.provider=turnstile",
            "goalpost.captcha.site-key=0x4AAAAAAAtestSiteKey",
            "goalpost.captcha.secret=0x4AAAAAAAtestSecret",
            "goalpost.captcha.after=1",
            "goalpost.captcha.script-url=https://challenges.cloudflare.com/turnstile/v0/api.js"
        })
class CaptchaTest extends StripeAppTestBase {

    private static final WireMockServer VERIFIER = new WireMockServer(options().dynamicPort());
    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    static {
        VERIFIER.start();
    }

    @DynamicPropertySource
    static void verifier(DynamicPropertyRegistry registry) {
        registry.add("goalpost.captcha.verify-url", () -> VERIFIER.baseUrl() + "/turnstile/v0/siteverify");
    }

    @AfterAll
    static void stopVerifier() {
        VERIFIER.stop();
    }

    @BeforeEach
    void verifierAnswers() {
        VERIFIER.resetAll();
        VERIFIER.stubFor(post(urlPathEqualTo("/turnstile/v0/siteverify"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":false,\"error-codes\":[\"invalid-input-response\"]}")));
        VERIFIER.stubFor(post(urlPathEqualTo("/turnstile/v0/siteverify"))
                .withRequestBody(containing("response=passed-token"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"challenge_ts\":\"2026-11-28T08:00:00.000Z\","
                                + "\"hostname\":\"give.example.org\"}")));
    }

    /** Each test donates from an address of its own: the check counts per address. */
    private static String newAddress() {
        return "198.51.100." + ADDRESSES.incrementAndGet();
    }

    private ResultActions checkout(Campaign campaign, String address, String token) throws Exception {
        String body = "{\"amountMinor\":1500,\"interval\":\"once\""
                + (token == null ? "" : ",\"captchaToken\":\"" + token + "\"") + "}";
        return mvc.perform(from(
                address,
                MockMvcRequestBuilders.post("/api/campaigns/" + campaign.slug() + "/checkout")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)));
    }

    private static MockHttpServletRequestBuilder from(String address, MockHttpServletRequestBuilder request) {
        return request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }

    @Test
    void theSecondCheckoutWithinTheHourNeedsATokenTheProviderPasses() throws Exception {
        Campaign campaign = campaign("captcha");
        String address = newAddress();
        checkout(campaign, address, null).andExpect(status().isCreated());
        assertThat(VERIFIER.getAllServeEvents())
                .as("the first checkout is not checked")
                .isEmpty();

        checkout(campaign, address, null)
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://goalpost.dev/problems/challenge-required"))
                .andExpect(jsonPath("$.detail").value("Please confirm that you are a person, then press Donate again."))
                .andExpect(jsonPath("$.captcha.provider").value("turnstile"))
                .andExpect(jsonPath("$.captcha.siteKey").value("0x4AAAAAAAtestSiteKey"));
        checkout(campaign, address, "forged-token")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("The person check did not pass; please try it again."));
        assertThat(donationsOf(campaign)).as("nothing written while refused").isEqualTo(1);
        assertThat(STRIPE.requests(RequestMethod.POST, "/v1/checkout/sessions"))
                .as("nothing sent to Stripe")
                .hasSize(1);

        checkout(campaign, address, "passed-token").andExpect(status().isCreated());
        assertThat(donationsOf(campaign)).isEqualTo(2);
        VERIFIER.verify(postRequestedFor(urlPathEqualTo("/turnstile/v0/siteverify"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("secret=0x4AAAAAAAtestSecret&response=passed-token&remoteip=" + address)));

        // another address is not asked
        checkout(campaign, newAddress(), null).andExpect(status().isCreated());
    }

    @Test
    void anUnreachableProviderRefusesTheCheckoutAndSkipsNothing() throws Exception {
        Campaign campaign = campaign("captchadown");
        String address = newAddress();
        checkout(campaign, address, null).andExpect(status().isCreated());
        VERIFIER.stubFor(post(urlPathEqualTo("/turnstile/v0/siteverify"))
                .atPriority(0)
                .willReturn(aResponse().withStatus(502)));
        checkout(campaign, address, "passed-token")
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail")
                        .value("The person check is not available right now; nothing was charged. "
                                + "Please try again in a minute."));
        VERIFIER.stubFor(post(urlPathEqualTo("/turnstile/v0/siteverify"))
                .atPriority(0)
                .willReturn(aResponse().withStatus(200).withBody("<html>captive portal</html>")));
        checkout(campaign, address, "passed-token").andExpect(status().isServiceUnavailable());
        assertThat(donationsOf(campaign)).isEqualTo(1);
        assertThat(STRIPE.requests(RequestMethod.POST, "/v1/checkout/sessions")).hasSize(1);
    }

    @Test
    void theCampaignPageShowsTheCheckOnceItIsNeededAndTheFormSendsItsToken() throws Exception {
        Campaign campaign = campaign("captchapage");
        String address = newAddress();
        String page = "/campaigns/" + campaign.slug();
        mvc.perform(from(address, get(page)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("cf-turnstile"))));
        String form = "amount=custom&customAmount=12&interval=once";
        mvc.perform(from(
                        address,
                        MockMvcRequestBuilders.post(page + "/donate")
                                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                                .content(form)))
                .andExpect(status().isSeeOther());

        mvc.perform(from(address, get(page)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "<div class=\"cf-turnstile\" data-testid=\"captcha\" "
                                        + "data-sitekey=\"0x4AAAAAAAtestSiteKey\"></div>")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString("<script "
                                + "src=\"https://challenges.cloudflare.com/turnstile/v0/api.js\" "
                                + "async defer></script>")))
                .andExpect(header().string(
                                "Content-Security-Policy",
                                org.hamcrest.Matchers.allOf(
                                        org.hamcrest.Matchers.containsString(
                                                "script-src 'self' https://challenges.cloudflare.com;"),
                                        org.hamcrest.Matchers.containsString(
                                                "frame-src 'self' https://challenges.cloudflare.com;"))));
        mvc.perform(from(
                        address,
                        MockMvcRequestBuilders.post(page + "/donate")
                                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                                .content(form + "&name=Kim")))
                .andExpect(status().isForbidden())
                .andExpect(
                        content().string(org.hamcrest.Matchers.containsString("Please confirm that you are a person")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"Kim\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-testid=\"captcha\"")));
        assertThat(donationsOf(campaign)).isEqualTo(1);
        mvc.perform(from(
                        address,
                        MockMvcRequestBuilders.post(page + "/donate")
                                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                                .content(form + "&cf-turnstile-response=passed-token")))
                .andExpect(status().isSeeOther());
        assertThat(donationsOf(campaign)).isEqualTo(2);
    }

    private long donationsOf(Campaign campaign) {
        return jdbc.sql("SELECT COUNT(*) FROM donation WHERE campaign_id = ?")
                .param(campaign.id())
                .query(Long.class)
                .single();
    }
}
