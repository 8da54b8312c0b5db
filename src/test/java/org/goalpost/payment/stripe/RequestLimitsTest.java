package org.goalpost.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.goalpost.campaign.Campaign;
import org.goalpost.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Bodies are bounded before they are read, over real HTTP: a 50 MB webhook and a 5 MB checkout are
 * answered 413 (problem details) without waiting for the rest, a chunked body is cut where it
 * passes its bound, deeply nested JSON is a 400, a huge form is a readable 413 page, and the
 * instance stays healthy and takes the next real request.
 */
class RequestLimitsTest extends StripeAppTestBase {

    @Value("${local.server.port}")
    int port;

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private long[] timed(RawHttp.Answer[] answer, ThrowingSupplier call) throws IOException {
        long began = System.nanoTime();
        answer[0] = call.get();
        return new long[] {(System.nanoTime() - began) / 1_000_000};
    }

    private interface ThrowingSupplier {
        RawHttp.Answer get() throws IOException;
    }

    @Test
    void oversizedBodiesAreRefusedBeforeTheyAreRead() throws Exception {
        Campaign campaign = campaign("limits");
        // a first refusal warms the path up (class loading), as production traffic would have
        RawHttp.sendStartOf("127.0.0.1", port, "POST", "/stripe/webhook", JSON, 10L * 1024 * 1024, new byte[16]);
        byte[] start = new byte[64 * 1024];
        java.util.Arrays.fill(start, (byte) 'a');

        RawHttp.Answer[] webhook = new RawHttp.Answer[1];
        long webhookMillis = timed(
                webhook,
                () -> RawHttp.sendStartOf(
                        "127.0.0.1",
                        port,
                        "POST",
                        "/stripe/webhook",
                        Map.of("Content-Type", "application/json", "Stripe-Signature", "t=1,v1=00"),
                        50L * 1024 * 1024,
                        start))[0];
        assertThat(webhook[0].status()).isEqualTo(413);
        assertThat(webhook[0].headers().get("content-type")).startsWith("application/problem+json");
        assertThat(webhook[0].body()).contains("\"status\":413").contains("at most 524288 bytes");

        RawHttp.Answer[] checkout = new RawHttp.Answer[1];
        long checkoutMillis = timed(
                checkout,
                () -> RawHttp.sendStartOf(
                        "127.0.0.4",
                        port,
                        "POST",
                        "/api/campaigns/" + campaign.slug() + "/checkout",
                        JSON,
                        5L * 1024 * 1024,
                        "{\"amountMinor\":500,\"name\":\"".getBytes(StandardCharsets.UTF_8)))[0];
        assertThat(checkout[0].status()).isEqualTo(413);
        assertThat(checkout[0].body()).contains("at most 16384 bytes");
        System.out.printf(
                "RequestLimitsTest: 50 MB webhook answered 413 in %d ms, 5 MB checkout in %d ms%n",
                webhookMillis, checkoutMillis);
        assertThat(webhookMillis)
                .as("answered without reading 50 MB (100 ms on an idle machine; slack for a busy CI)")
                .isLessThan(500);
        assertThat(checkoutMillis).isLessThan(500);

        // no length declared: the body is cut where it passes the bound
        byte[] big = ("{\"amountMinor\":500,\"name\":\"" + "n".repeat(40_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer chunked = RawHttp.sendChunked(
                "127.0.0.5", port, "POST", "/api/campaigns/" + campaign.slug() + "/checkout", JSON, big);
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.headers().get("content-type")).startsWith("application/problem+json");

        // JSON nested deeper than 64 levels, inside the bound: refused as unreadable, not a 500
        String nested = "{\"amountMinor\":500,\"name\":" + "[".repeat(200) + "]".repeat(200) + "}";
        RawHttp.Answer deep = RawHttp.send(
                "127.0.0.6", port, "POST", "/api/campaigns/" + campaign.slug() + "/checkout", JSON, nested);
        assertThat(deep.status()).isEqualTo(400);

        // a form too large for any field: a readable page
        RawHttp.Answer form = RawHttp.send(
                "127.0.0.7",
                port,
                "POST",
                "/campaigns/" + campaign.slug() + "/donate",
                Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "message=" + "m".repeat(100_000));
        assertThat(form.status()).isEqualTo(413);
        assertThat(form.headers().get("content-type")).startsWith("text/html");

        // the instance is fine, and takes the next real request
        assertThat(RawHttp.send("127.0.0.8", port, "GET", "/actuator/health/liveness", Map.of(), "")
                        .body())
                .contains("UP");
        RawHttp.Answer real = RawHttp.send(
                "127.0.0.9",
                port,
                "POST",
                "/api/campaigns/" + campaign.slug() + "/checkout",
                JSON,
                "{\"amountMinor\":500,\"interval\":\"once\"}");
        assertThat(real.status()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM donation WHERE campaign_id = ?")
                        .param(campaign.id())
                        .query(Long.class)
                        .single())
                .as("only the real one")
                .isEqualTo(1);
    }
}
