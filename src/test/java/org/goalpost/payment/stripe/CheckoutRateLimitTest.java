package org.goalpost.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goalpost.campaign.Campaign;
import org.goalpost.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * The card-testing defence over real HTTP (Tomcat's forwarded-header handling takes part, which
 * MockMvc would skip): 3 checkouts a minute per client address, 5 for everybody, and forwarding
 * headers believed only from the trusted proxy 127.0.0.2. Requests are written on sockets bound to
 * 127.0.0.1 (an untrusted peer) or 127.0.0.2 (the proxy).
 */
@TestPropertySource(
        properties = {
            "goalpost.rate-limit.checkout-per-ip=3",
            "goalpost.rate-limit.checkout-global=5",
            "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.2"
        })
class CheckoutRateLimitTest extends StripeAppTestBase {

    private static final String UNTRUSTED_PEER = "127.0.0.1";
    private static final String TRUSTED_PROXY = "127.0.0.2";

    @Value("${local.server.port}")
    int port;

    @Test
    void aBotIsRefusedBeforeAnythingIsWrittenOrSentAndSpoofedForwardingChangesNothing() throws Exception {
        Campaign campaign = campaign("ratelimit");
        String api = "/api/campaigns/" + campaign.slug() + "/checkout";
        String gift = "{\"amountMinor\":500,\"interval\":\"once\"}";

        // 100 attempts in well under a minute from one address, each claiming another client
        int created = 0;
        int refused = 0;
        String keyedDonation = null;
        for (int i = 0; i < 100; i++) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("X-Forwarded-For", "198.51.100." + (i + 1));
            if (i == 0) {
                headers.put("Idempotency-Key", "first-gift");
            }
            RawHttp.Answer answer = send(UNTRUSTED_PEER, "POST", api, headers, gift);
            if (answer.status() == 201) {
                created++;
                if (i == 0) {
                    keyedDonation = answer.body();
                }
            } else {
                refused++;
                assertThat(answer.status()).isEqualTo(429);
                assertThat(answer.headers().get("content-type")).startsWith("application/problem+json");
                assertThat(Long.parseLong(answer.headers().get("retry-after"))).isBetween(1L, 60L);
                assertThat(answer.body())
                        .contains("\"status\":429")
                        .contains("Too many donation attempts from your connection");
            }
        }
        System.out.printf(
                "CheckoutRateLimitTest: 100 attempts from one address with spoofed X-Forwarded-For: %d "
                        + "refused, %d created, %d Stripe calls%n",
                refused,
                created,
                STRIPE.requests(RequestMethod.POST, "/v1/checkout/sessions").size());
        assertThat(refused).isEqualTo(97);
        assertThat(created).isEqualTo(3);
        assertThat(STRIPE.requests(RequestMethod.POST, "/v1/checkout/sessions")).hasSize(created);
        assertThat(donationsOf(campaign)).isEqualTo(created);

        // a repeat of a request already taken is answered with its checkout, not refused and not counted
        RawHttp.Answer repeat = send(
                UNTRUSTED_PEER,
                "POST",
                api,
                Map.of("Content-Type", "application/json", "Idempotency-Key", "first-gift"),
                gift);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(keyedDonation);

        // the donate form of the campaign page: a readable page, the form kept, nothing written
        RawHttp.Answer page = send(
                UNTRUSTED_PEER,
                "POST",
                "/campaigns/" + campaign.slug() + "/donate",
                Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "amount=custom&customAmount=7&interval=once");
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.headers().get("content-type")).startsWith("text/html");
        assertThat(page.headers()).containsKey("retry-after");
        assertThat(page.body())
                .contains("Too many donation attempts from your connection")
                .contains("value=\"7\"");
        assertThat(donationsOf(campaign)).isEqualTo(created);

        // behind the trusted proxy each reader is counted on their own; the limit for everybody still holds
        RawHttp.Answer forwarded = send(
                TRUSTED_PROXY,
                "POST",
                api,
                Map.of("Content-Type", "application/json", "X-Forwarded-For", "203.0.113.7"),
                gift);
        assertThat(forwarded.status())
                .as("a reader behind the proxy is not the bot")
                .isEqualTo(201);
        int allowedForEverybody = 5 - created - 1;
        for (int i = 0; i < allowedForEverybody; i++) {
            assertThat(send(
                                    TRUSTED_PROXY,
                                    "POST",
                                    api,
                                    Map.of(
                                            "Content-Type",
                                            "application/json",
                                            "X-Forwarded-For",
                                            "203.0.113." + (20 + i)),
                                    gift)
                            .status())
                    .isEqualTo(201);
        }
        RawHttp.Answer overall = send(
                TRUSTED_PROXY,
                "POST",
                api,
                Map.of("Content-Type", "application/json", "X-Forwarded-For", "203.0.113.99"),
                gift);
        assertThat(overall.status()).isEqualTo(429);
        assertThat(overall.body()).contains("Too many donation attempts right now");
        assertThat(STRIPE.requests(RequestMethod.POST, "/v1/checkout/sessions")).hasSize(5);
        assertThat(donationsOf(campaign)).isEqualTo(5);
    }

    @Test
    void invalidInputIsLimitedLikeValidInputAndNeverWritesAnything() throws Exception {
        Campaign campaign = campaign("ratelimit-bad");
        String api = "/api/campaigns/" + campaign.slug() + "/checkout";
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            statuses.add(
                    send("127.0.0.3", "POST", api, Map.of("Content-Type", "application/json"), "{\"amountMinor\":-5}")
                            .status());
        }
        // the limit comes first: a flood of invalid requests costs no more than valid ones (no policy, no database); at
        // most the
        // address's three get as far as the policy (fewer when the other test in this class has spent the limit for
        // everybody)
        int answered = statuses.indexOf(429);
        assertThat(answered).isBetween(0, 3);
        assertThat(statuses.subList(0, answered)).allMatch(status -> status == 422);
        assertThat(statuses.subList(answered, statuses.size())).containsOnly(429);
        assertThat(donationsOf(campaign)).isZero();
        assertThat(STRIPE.requests(RequestMethod.POST, "/v1/checkout/sessions")).isEmpty();
    }

    private long donationsOf(Campaign campaign) {
        return jdbc.sql("SELECT COUNT(*) FROM donation WHERE campaign_id = ?")
                .param(campaign.id())
                .query(Long.class)
                .single();
    }

    private RawHttp.Answer send(String from, String method, String path, Map<String, String> headers, String body)
            throws IOException {
        return RawHttp.send(from, port, method, path, headers, body);
    }
}
