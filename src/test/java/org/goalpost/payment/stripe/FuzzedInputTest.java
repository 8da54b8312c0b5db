package org.goalpost.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.goalpost.campaign.Campaign;
import org.goalpost.testing.SlowTest;
import org.goalpost.testing.StaffAccounts;
import org.goalpost.testing.TestSeeds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Seeded random input (10,000 cases) against every public input and the staff API: the checkout
 * JSON and the donate form, the webhook's body and signature, path and query parameters, the staff
 * API's bodies. Whatever comes in: never a 5xx, problem details on every 4xx of the APIs, a readable
 * page on every 4xx of the pages, and no money moved by a refused request (the ledger grows only by
 * the offline gifts the staff API accepted). Inputs are valid requests mutated (fields dropped,
 * retyped, oversized, hostile strings) or plain garbage. Rerun a failure with
 * {@code -Dgoalpost.test.seed=…}; {@code -Dgoalpost.fuzz.cases=…} changes the count.
 */
@TestPropertySource(
        properties = {
            StaffAccounts.ADMIN_TOKEN_SETTING,
            "goalpost.rate-limit.checkout-per-ip=100000",
            "goalpost.rate-limit.checkout-global=0",
            "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1"
        })
@SlowTest
class FuzzedInputTest extends StripeAppTestBase {

    private static final Object[] HOSTILE = {
        null,
        true,
        false,
        0,
        -1,
        1,
        Long.MAX_VALUE,
        Long.MIN_VALUE,
        1e308,
        -0.0,
        12.5,
        "",
        " ",
        "x".repeat(20_000),
        "𝄞 emoji 🎉",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "\u0000\u0001",
        "=cmd|'/C calc'!A0",
        "../../etc/passwd",
        "2500",
        "1e5",
        "NaN",
        List.of(),
        List.of(1, 2),
        Map.of(),
        Map.of("a", Map.of("b", 1)),
        "once",
        "month",
        "monthly",
        "USD",
        "usd",
        "XXX",
        "2026-13-45",
        "2026-02",
        "Europe/Nowhere",
        "America/New_York",
        "cash",
        "cheque",
        // oversized (past the public API's 16 KB bound, within the staff API's 64 KB) and shaped text
        "y".repeat(40_000),
        "Eve\nBcc: all@example.org",
        "\u202Eevil",
        "\uD800",
        "Jane;=2+5;x",
        // addresses of every shape, as values and as forwarded clients
        "2001:db8:f:1::1",
        "2001:db8:f:1:ffff:ffff:ffff:ffff",
        "::ffff:192.0.2.1",
        "[2001:db8::1]",
        "fe80::1%eth0",
        "::",
        "1.2.3"
    };

    private static final MockServletContext SERVLET_CONTEXT = new MockServletContext();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Value("${local.server.port}")
    int port;

    private final List<String> failures = new ArrayList<>();
    private Random random;

    @Test
    void noInputBreaksTheAppOrMovesMoneyItShouldNot() throws Exception {
        long seed = TestSeeds.seed("FuzzedInputTest");
        int cases = Integer.getInteger("goalpost.fuzz.cases", 10_000);
        random = new Random(seed);
        Campaign campaign = campaign("fuzz");
        long ledgerBefore = ledgerRows();
        int acceptedGifts = 0;
        int[] byTarget = new int[6];
        long started = System.nanoTime();
        for (int i = 0; i < cases; i++) {
            int target = random.nextInt(100);
            if (target < 25) {
                byTarget[0]++;
                check("checkout JSON", checkout(campaign), true);
            } else if (target < 40) {
                byTarget[1]++;
                check("donate form", donateForm(campaign), false);
            } else if (target < 60) {
                byTarget[2]++;
                check("webhook", webhook(campaign), true);
            } else if (target < 80) {
                byTarget[3]++;
                check("path/query", pathAndQuery());
            } else if (target < 90) {
                byTarget[4]++;
                check("staff campaigns", staffCampaign(campaign), true);
            } else {
                byTarget[5]++;
                if (check("staff offline gift", offlineGift(campaign), true) == 201) {
                    acceptedGifts++;
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "FuzzedInputTest: %d cases in %.1f s (checkout JSON %d, donate form %d, webhook %d, path/query %d, "
                        + "staff campaigns %d, offline gifts %d of which %d accepted); %d problems%n",
                cases,
                seconds,
                byTarget[0],
                byTarget[1],
                byTarget[2],
                byTarget[3],
                byTarget[4],
                byTarget[5],
                acceptedGifts,
                failures.size());
        assertThat(failures).as("seed " + seed).isEmpty();
        assertThat(ledgerRows() - ledgerBefore)
                .as("money moved only by accepted offline gifts (seed " + seed + ")")
                .isEqualTo(acceptedGifts);
        assertThat(STRIPE.requests(com.github.tomakehurst.wiremock.http.RequestMethod.POST, "/v1/refunds"))
                .isEmpty();
    }

    /** Checks a request whose kind (API or page) its path tells: {@code /api/…} answers problem details. */
    private int check(String target, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletRequest built = request.buildRequest(SERVLET_CONTEXT);
        return check(target, built, built.getRequestURI().startsWith("/api/"));
    }

    private int check(String target, MockHttpServletRequestBuilder request, boolean api) throws Exception {
        return check(target, request.buildRequest(SERVLET_CONTEXT), api);
    }

    private int check(String target, MockHttpServletRequest request, boolean api) throws Exception {
        HttpResponse<String> response = send(request);
        int status = response.statusCode();
        if (status >= 500) {
            failures.add(described(target, status, request));
        } else if (status >= 400) {
            String type =
                    response.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse("none");
            if (api && !type.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
                failures.add(described(target, status, request) + " without problem details (" + type + ")");
            }
            if (!api && !type.startsWith(MediaType.TEXT_HTML_VALUE)) {
                failures.add(described(target, status, request) + " as " + type);
            }
            if (response.body().contains("Exception") || response.body().contains("springframework")) {
                failures.add(described(target, status, request) + " with framework detail in its body");
            }
        }
        return status;
    }

    /** Over real HTTP, so that what the servlet container answers itself (its error dispatch) is tested too. */
    private HttpResponse<String> send(MockHttpServletRequest request) throws Exception {
        String query = request.getQueryString();
        // a lone surrogate cannot be sent in a URL by any client (it is not text): it goes as UTF-8 does, as '?'
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(wellFormed(
                        "http://127.0.0.1:" + port + request.getRequestURI() + (query == null ? "" : "?" + query))))
                .timeout(Duration.ofSeconds(20));
        for (String name : java.util.Collections.list(request.getHeaderNames())) {
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Host")) {
                http.header(name, headerSafe(request.getHeader(name)));
            }
        }
        byte[] body = request.getContentAsByteArray();
        http.method(
                request.getMethod(),
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String wellFormed(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    /** HTTP header values are visible ASCII and spaces: the rest is replaced (a client could not send it either). */
    private static String headerSafe(String value) {
        StringBuilder safe = new StringBuilder();
        value.chars().forEach(c -> safe.append(c >= 0x20 && c < 0x7F ? (char) c : '?'));
        return safe.toString().strip().isEmpty() ? "x" : safe.toString().strip();
    }

    /** What a failure reports: the target, the answer and the request (its body cut at 200 characters). */
    private static String described(String target, int status, MockHttpServletRequest request) {
        byte[] content = request.getContentAsByteArray();
        String body = content == null ? null : new String(content, StandardCharsets.UTF_8);
        return target + " answered " + status + " to " + request.getMethod() + " " + request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString())
                + (body == null ? "" : " " + body.substring(0, Math.min(200, body.length())));
    }

    // --- generators -------------------------------------------------------------------------------

    private MockHttpServletRequestBuilder checkout(Campaign campaign) {
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("amountMinor", 2_500);
        valid.put("interval", "once");
        valid.put("name", "Ada");
        valid.put("email", "ada@example.org");
        valid.put("anonymous", false);
        valid.put("message", "Keep going");
        valid.put("coverFees", true);
        MockHttpServletRequestBuilder request = post("/api/campaigns/" + slugOr(campaign.slug()) + "/checkout")
                .contentType(random.nextInt(20) == 0 ? MediaType.TEXT_PLAIN : MediaType.APPLICATION_JSON)
                .content(json(valid))
                .header(
                        "X-Forwarded-For",
                        random.nextBoolean() ? "2001:db8:f:1::" + Integer.toHexString(random.nextInt(65_536)) : text());
        if (random.nextInt(5) == 0) {
            request.header("Idempotency-Key", text());
        }
        return request;
    }

    private MockHttpServletRequestBuilder donateForm(Campaign campaign) {
        MockHttpServletRequestBuilder request = post("/campaigns/" + slugOr(campaign.slug()) + "/donate")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED);
        String[] names = {
            "amount",
            "customAmount",
            "interval",
            "name",
            "email",
            "message",
            "anonymous",
            "coverFees",
            "requestKey",
            "other"
        };
        for (String name : names) {
            if (random.nextInt(3) > 0) {
                request.param(name, random.nextBoolean() ? String.valueOf(pick()) : text());
            }
        }
        return request;
    }

    private MockHttpServletRequestBuilder webhook(Campaign campaign) throws Exception {
        Map<String, Object> session =
                StripeJson.paidSession(id("pi"), "unknown-donation", 2_500, "ada@example.org", now());
        String payload = random.nextInt(4) == 0 ? garbage() : json(event(session));
        String signature;
        switch (random.nextInt(5)) {
            case 0 -> signature = sign(payload, "whsec_fuzz_wrong", now());
            case 1 -> signature = text();
            case 2 -> signature = sign(payload, SECRET, now() - 10_000);
            case 3 -> signature = null;
            default -> {
                // correctly signed: only bodies that are no usable event, so that nothing reaches Stripe's API
                payload = random.nextBoolean()
                        ? garbage()
                        : json(Map.of(
                                "id",
                                String.valueOf(pick()),
                                "object",
                                "event",
                                "data",
                                pick() == null ? "" : String.valueOf(pick())));
                signature = sign(payload, SECRET, now());
            }
        }
        MockHttpServletRequestBuilder request =
                post("/stripe/webhook").contentType(MediaType.APPLICATION_JSON).content(payload);
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return request;
    }

    private Map<String, Object> event(Map<String, Object> object) {
        Map<String, Object> event =
                new LinkedHashMap<>(StripeJson.event(id("evt"), "checkout.session.completed", object, now()));
        mutate(event);
        return event;
    }

    private MockHttpServletRequestBuilder pathAndQuery() {
        String slug = slugOr("support");
        String value = queryValue();
        return switch (random.nextInt(7)) {
            case 0 -> get("/api/campaigns/" + slug);
            case 1 -> get("/api/campaigns/support").queryParam("period", value);
            case 2 -> get("/widget/" + slug + ".svg").queryParam("locale", value);
            case 3 -> get("/widget/" + slug).queryParam("locale", value);
            case 4 -> get("/campaigns/" + slug).queryParam("canceled", value);
            case 5 ->
                get("/api/staff/donations")
                        .header(HttpHeaders.AUTHORIZATION, StaffAccounts.bearer(StaffAccounts.ADMIN_TOKEN))
                        .queryParam(
                                pickOf(
                                        "campaign",
                                        "status",
                                        "from",
                                        "to",
                                        "mode",
                                        "interval",
                                        "q",
                                        "cursor",
                                        "size",
                                        "period"),
                                value);
            default ->
                get("/api/staff/campaigns/" + slug + "/totals")
                        .header(HttpHeaders.AUTHORIZATION, StaffAccounts.bearer(StaffAccounts.ADMIN_TOKEN))
                        .queryParam("period", value);
        };
    }

    private MockHttpServletRequestBuilder staffCampaign(Campaign campaign) {
        Map<String, Object> tier = new LinkedHashMap<>(Map.of("amountMinor", 100_000, "label", "First"));
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("slug", "fuzz-" + Integer.toString(random.nextInt(1_000_000), 36));
        valid.put("title", "Fuzzed");
        valid.put("currency", "USD");
        valid.put("period", "none");
        valid.put("timeZone", "UTC");
        valid.put("tiers", List.of(tier));
        mutate(tier);
        boolean update = random.nextBoolean();
        MockHttpServletRequestBuilder request =
                update ? put("/api/staff/campaigns/" + slugOr(campaign.slug())) : post("/api/staff/campaigns");
        if (update) {
            // an update must not change what money exists in: keep the campaign's identity fields usually
            valid.put("slug", campaign.slug());
        }
        return request.header(HttpHeaders.AUTHORIZATION, StaffAccounts.bearer(StaffAccounts.ADMIN_TOKEN))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(valid));
    }

    private MockHttpServletRequestBuilder offlineGift(Campaign campaign) {
        Map<String, Object> valid = new LinkedHashMap<>();
        valid.put("amountMinor", 1_000);
        valid.put("method", "cash");
        valid.put("donorName", "Kim");
        valid.put("donorEmail", "kim@example.org");
        valid.put("receivedOn", "2026-11-01");
        valid.put("note", "At the front desk");
        return post("/api/staff/campaigns/" + slugOr(campaign.slug()) + "/offline-gifts")
                .header(HttpHeaders.AUTHORIZATION, StaffAccounts.bearer(StaffAccounts.ADMIN_TOKEN))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(valid));
    }

    /** A valid body, mutated once or more; now and then plain garbage instead. */
    private String json(Map<String, Object> valid) {
        if (random.nextInt(10) == 0) {
            return garbage();
        }
        Map<String, Object> body = new LinkedHashMap<>(valid);
        mutate(body);
        return StripeJson.write(body);
    }

    private void mutate(Map<String, Object> body) {
        int mutations = random.nextInt(4);
        List<String> keys = new ArrayList<>(body.keySet());
        for (int m = 0; m < mutations && !keys.isEmpty(); m++) {
            String key = keys.get(random.nextInt(keys.size()));
            switch (random.nextInt(3)) {
                case 0 -> body.remove(key);
                case 1 -> body.put(key, pick());
                default -> body.put(text(), pick());
            }
        }
    }

    private String garbage() {
        return switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> "[".repeat(5_000);
            case 2 -> "{\"amountMinor\": 25";
            case 3 -> new String(bytes(), StandardCharsets.ISO_8859_1);
            case 4 -> "{\"amountMinor\": 1, \"amountMinor\": 2}";
            default -> "null";
        };
    }

    private byte[] bytes() {
        byte[] bytes = new byte[random.nextInt(300)];
        random.nextBytes(bytes);
        return bytes;
    }

    private Object pick() {
        return HOSTILE[random.nextInt(HOSTILE.length)];
    }

    private String pickOf(String... values) {
        return values[random.nextInt(values.length)];
    }

    private String text() {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(random.nextInt(10) == 0 ? 3_000 : 40);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextInt(10) == 0 ? random.nextInt(0xD7FF) : 32 + random.nextInt(95)));
        }
        return text.toString();
    }

    /**
     * Values for URLs stay under Tomcat's 8 KB request line (longer ones it refuses itself, before the app sees
     * them).
     */
    private String queryValue() {
        String value = random.nextBoolean() ? String.valueOf(pick()) : text();
        return value.length() > 600 ? value.substring(0, 600) : value;
    }

    /** The campaign's slug mostly; sometimes one that does not exist or cannot be a slug. */
    private String slugOr(String slug) {
        return switch (random.nextInt(8)) {
            case 0 -> "no-such-campaign";
            case 1 -> java.net.URLEncoder.encode(queryValue(), StandardCharsets.UTF_8);
            case 2 -> "UPPER_case";
            default -> slug;
        };
    }

    private long ledgerRows() {
        return jdbc.sql("SELECT COUNT(*) FROM ledger_entry").query(Long.class).single();
    }
}
