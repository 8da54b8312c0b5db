package org.goalpost.payment.stripe;

import com.stripe.net.Webhook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.goalpost.GoalpostApplication;
import org.goalpost.campaign.Campaign;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationChannel;
import org.goalpost.donation.DonationInterval;
import org.goalpost.donation.DonationStatus;
import org.goalpost.donation.Donations;
import org.goalpost.donation.NewDonation;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Whole app instances started by a test (real HTTP on a free port, the stubbed Stripe API), and
 * what a test does to them from outside: signed webhook deliveries, widget reads, waiting.
 */
final class Instances {

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern RAISED = Pattern.compile("\"raisedMinor\":(\\d+)");

    private Instances() {}

    /** An instance on the given database, paying through {@code stripe}, signing secret {@code secret}. */
    static ConfigurableApplicationContext start(
            String url, String username, String password, FakeStripe stripe, String secret, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + username,
                "--spring.datasource.password=" + password,
                "--spring.datasource.hikari.maximum-pool-size=12",
                "--spring.datasource.hikari.minimum-idle=1",
                "--goalpost.stripe.secret-key=sk_test_instances",
                "--goalpost.stripe.webhook-secret=" + secret,
                "--goalpost.stripe.api-base=" + stripe.url(),
                "--goalpost.rate-limit.checkout-per-ip=0",
                "--goalpost.rate-limit.checkout-global=0",
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(GoalpostApplication.class).run(args.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** A pending donation, its PaymentIntent at the stub, and its signed checkout.session.completed event. */
    static String payment(FakeStripe stripe, Donations donations, Campaign campaign, long amount) throws Exception {
        Donation donation = donations.open(
                new NewDonation(
                        campaign.id(),
                        DonationChannel.STRIPE,
                        new NewDonation.Charge(
                                DonationInterval.ONCE, campaign.money(amount), campaign.money(amount), false, false),
                        new NewDonation.Giver(null, null, false, null, false),
                        null,
                        null),
                DonationStatus.PENDING);
        String intent = "pi_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        long now = Instant.now().getEpochSecond();
        stripe.putPaymentIntent(StripeJson.paymentIntent(
                intent, "ch_" + intent.substring(3), amount, amount * 3 / 100, "usd", donation.publicId(), now));
        Map<String, Object> event = StripeJson.event(
                "evt_" + UUID.randomUUID().toString().replace("-", ""),
                "checkout.session.completed",
                StripeJson.session(
                        "cs_test_" + intent.substring(3),
                        "payment",
                        "paid",
                        "complete",
                        intent,
                        null,
                        donation.publicId(),
                        amount,
                        "usd",
                        null,
                        now),
                now);
        return StripeJson.write(event);
    }

    /** Delivers a signed webhook as Stripe does; returns the status. */
    static int post(int port, String payload, String secret) throws Exception {
        String signature = Webhook.Signature.generateSignatureHeader(
                payload, secret, Instant.now().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stripe/webhook"))
                .header("Content-Type", "application/json")
                .header("Stripe-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .timeout(Duration.ofSeconds(30))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The raised amount the instance's widget JSON shows now, or -1 when it answers otherwise. */
    static long raised(int port, String slug) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/campaigns/" + slug))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher matcher = RAISED.matcher(response.body());
        return response.statusCode() == 200 && matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    /** Milliseconds until the instance's widget JSON shows {@code raised}; -1 when it did not within {@code limit}. */
    static long eventually(int port, String slug, long raised, Duration limit) throws Exception {
        return millisUntil(() -> raised(port, slug) == raised, limit);
    }

    /** A condition that may need I/O to be checked. */
    interface Condition {
        boolean holds() throws Exception;
    }

    /**
     * Milliseconds until {@code condition} holds, checked every 20 ms (Awaitility); -1 when it did not within
     * {@code limit}.
     */
    static long millisUntil(Condition condition, Duration limit) {
        long began = System.nanoTime();
        try {
            Awaitility.await()
                    .atMost(limit)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(20))
                    .until(condition::holds);
            return (System.nanoTime() - began) / 1_000_000;
        } catch (ConditionTimeoutException e) {
            return -1;
        }
    }
}
