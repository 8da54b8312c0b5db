package org.goalpost.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goalpost.payment.stripe.StripeJson.event;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.TestCampaigns;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationInterval;
import org.goalpost.donation.LedgerCheck;
import org.goalpost.donation.PeriodTotals;
import org.goalpost.testing.SlowTest;
import org.goalpost.testing.TestSeeds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Exactly-once under chaos: random donation histories (one-time and monthly, delayed payments,
 * partial and full refunds, failed refunds, disputes won and lost, expired checkouts, monthly
 * donations changed, paused and ended), mixed with another integration's events on the same
 * account (a paywall's subscriptions, a shop's payments, refunds and disputes).
 *
 * <p>Through the webhook: each event delivered 1 to 5 times, shuffled, from 16 threads over real
 * HTTP with real signatures, a third of them rendered at an older API version, subscription events
 * out of order; a 5xx is delivered again later, as Stripe does. Through the reconciler alone: every
 * event old-shaped, plus poison events (payments Stripe no longer has), read page by page.
 *
 * <p>Either way the kept totals of every campaign and period equal the expected figures and the
 * ledger, no movement is recorded twice, every subscription ends in its newest state, another
 * integration's events change nothing and cost at most one call each, and the poison is parked.
 */
@SlowTest
class StripeChaosTest extends StripeAppTestBase {

    private static final int THREADS = 16;

    @LocalServerPort
    int port;

    @Autowired
    LedgerCheck ledgerCheck;

    @Autowired
    org.goalpost.health.Invariants invariants;

    private record Key(long campaignId, String period) {}

    private static final class Expected {
        long raised;
        long gross;
        long refunded;
        long disputed;
        long fees;
        long donations;
        final Set<String> donors = new HashSet<>();

        PeriodTotals.Figures figures() {
            return new PeriodTotals.Figures(raised, gross, refunded, disputed, 0, fees, donations, donors.size());
        }
    }

    /** What a monthly donation's subscription must end as. */
    private record SubscriptionEnd(long donationId, String status, long amount) {}

    private final List<Map<String, Object>> events = new ArrayList<>();
    private final List<Map<String, Object>> foreign = new ArrayList<>();
    private final Map<Key, Expected> expected = new HashMap<>();
    private final List<SubscriptionEnd> subscriptionEnds = new ArrayList<>();
    private final List<Long> poisoned = new ArrayList<>();
    private Random random;
    private long base;

    private List<Campaign> histories(int count, int poison) {
        long seed = TestSeeds.seed("StripeChaosTest");
        random = new Random(seed);
        base = now() - 20_000;
        List<Campaign> targets = List.of(
                campaign("chaos-usd"),
                campaigns.create(TestCampaigns.draft(
                        TestCampaigns.uniqueSlug("chaos-monthly"), "USD", "monthly", "America/New_York", 100_000)),
                campaigns.create(
                        TestCampaigns.draft(TestCampaigns.uniqueSlug("chaos-eur"), "EUR", "none", "UTC", 100_000)));
        for (int i = 0; i < count; i++) {
            Campaign campaign = targets.get(random.nextInt(targets.size()));
            if (random.nextInt(10) < 7) {
                oneTime(campaign, i);
            } else {
                monthly(campaign, i);
            }
        }
        for (int i = 0; i < count / 10; i++) {
            anotherIntegration(i);
        }
        for (int i = 0; i < poison; i++) {
            poisoned(targets.get(0), i);
        }
        return targets;
    }

    @Test
    void totalsAreExactWhateverStripeSendsTwiceLateOrOutOfOrder() throws Exception {
        List<Campaign> targets = histories(400, 0);
        List<String> deliveries = new ArrayList<>();
        for (Map<String, Object> event : all()) {
            String payload = StripeJson.write(random.nextInt(3) == 0 ? StripeJson.Legacy.render(event) : event);
            int copies = 1 + random.nextInt(5);
            for (int c = 0; c < copies; c++) {
                deliveries.add(payload);
            }
        }
        Collections.shuffle(deliveries, random);
        long began = System.nanoTime();
        int redelivered = deliverAll(deliveries);
        long millis = (System.nanoTime() - began) / 1_000_000;
        System.out.printf(
                "StripeChaosTest: %d events (%d of another integration), %d deliveries (%d redelivered after "
                        + "a 5xx) from %d "
                        + "threads in %d ms (%.0f deliveries/s)%n",
                events.size() + foreign.size(),
                foreign.size(),
                deliveries.size(),
                redelivered,
                THREADS,
                millis,
                deliveries.size() * 1000.0 / Math.max(1, millis));
        assertExact(targets);
    }

    @Test
    void theReconcilerAloneCountsEveryOldShapedEventExactlyAndParksThePoison() throws Exception {
        List<Campaign> targets = histories(250, 4);
        List<Map<String, Object>> listed = new ArrayList<>(all());
        Collections.shuffle(listed, random);
        listed.forEach(e -> STRIPE.putEvent(StripeJson.Legacy.render(e)));
        long began = System.nanoTime();
        String report = mvc.perform(post("/actuator/reconcile")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long millis = (System.nanoTime() - began) / 1_000_000;
        System.out.printf(
                "StripeChaosTest (reconciler, all old-shaped): %d events listed in %d ms: %s%n",
                listed.size(), millis, report);
        assertThat((Integer) JsonPath.read(report, "$.events")).isEqualTo(listed.size());
        assertThat((Boolean) JsonPath.read(report, "$.listingComplete")).isTrue();
        assertThat((Integer) JsonPath.read(report, "$.parked"))
                .as("the poison, and only it")
                .isEqualTo(poisoned.size());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reconcile_parked WHERE state = 'PARKED'")
                        .query(Long.class)
                        .single())
                .isEqualTo(poisoned.size());
        for (long donation : poisoned) {
            assertThat(ledgerKinds(donations.find(donation).orElseThrow())).isEmpty();
        }
        assertExact(targets);
        // a second run reads them all again: nothing changes
        String again = mvc.perform(post("/actuator/reconcile")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((Integer) JsonPath.read(again, "$.applied")).isZero();
        assertExact(targets);
    }

    private List<Map<String, Object>> all() {
        List<Map<String, Object>> all = new ArrayList<>(events);
        all.addAll(foreign);
        return all;
    }

    private void assertExact(List<Campaign> targets) {
        // every kept figure (totals, pledged, recurring revenue, cohorts, movement kinds) recomputes from the rows
        assertThat(invariants.run().outcomes())
                .filteredOn(o -> !o.invariant().equals("no-parked-reconciler-items"))
                .allSatisfy(o -> assertThat(o.violations()).as(o.invariant()).isZero());
        Map<Key, PeriodTotals.Figures> kept = new HashMap<>();
        for (Campaign campaign : targets) {
            totals.periods(campaign, false)
                    .forEach(t -> kept.put(new Key(campaign.id(), t.period().value()), t.figures()));
            assertThat(totals.periods(campaign, true))
                    .as("no live money from test events")
                    .isEmpty();
        }
        Map<Key, PeriodTotals.Figures> wanted = new HashMap<>();
        expected.forEach((key, value) -> wanted.put(key, value.figures()));
        assertThat(kept).isEqualTo(wanted);
        assertThat(kept.keySet().stream()
                        .filter(k -> k.campaignId() == targets.get(1).id())
                        .count())
                .as("several months")
                .isGreaterThan(1);

        List<Long> ids = targets.stream().map(Campaign::id).toList();
        assertThat(ledgerCheck.run().discrepancies())
                .filteredOn(d -> ids.contains(d.campaignId()))
                .isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM (SELECT kind, source_ref FROM ledger_entry GROUP BY "
                                + "kind, source_ref HAVING COUNT(*) > 1) d")
                        .query(Long.class)
                        .single())
                .isZero();
        long inboxed = jdbc.sql("SELECT COUNT(*) FROM inbox_event WHERE event_id IN (:ids)")
                .param("ids", all().stream().map(e -> (String) e.get("id")).toList())
                .query(Long.class)
                .single();
        assertThat(inboxed)
                .as("every event once in the inbox, but the parked poison")
                .isEqualTo(all().size() - poisoned.size());
        for (SubscriptionEnd end : subscriptionEnds) {
            Donation donation = donations.find(end.donationId()).orElseThrow();
            assertThat(donation.subscriptionStatus())
                    .as("subscription of donation %d", end.donationId())
                    .isEqualTo(end.status());
            assertThat(donation.amount().minor())
                    .as("amount of donation %d", end.donationId())
                    .isEqualTo(end.amount());
        }
        // another integration's events: no row, and at most one call each
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_entry WHERE source_ref LIKE '%shop%' OR "
                                + "source_ref LIKE '%paywall%'")
                        .query(Long.class)
                        .single())
                .isZero();
        long foreignCalls = STRIPE.server.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .filter(r -> r.getUrl().contains("_shop_") || r.getUrl().contains("_paywall_"))
                .count();
        assertThat(foreignCalls).as("calls about another integration's objects").isLessThanOrEqualTo(foreign.size());
    }

    private int deliverAll(List<String> deliveries) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(deliveries);
        AtomicInteger redelivered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    String payload;
                    while ((payload = queue.poll()) != null) {
                        HttpResponse<String> response = http.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stripe/webhook"))
                                        .header("Content-Type", "application/json")
                                        .header("Stripe-Signature", sign(payload, SECRET, now()))
                                        .POST(HttpRequest.BodyPublishers.ofString(payload))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() >= 500) {
                            redelivered.incrementAndGet();
                            queue.add(payload);
                        } else if (response.statusCode() != 200) {
                            throw new AssertionError(
                                    "Delivery refused with " + response.statusCode() + ": " + response.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return redelivered.get();
    }

    private long paidAt() {
        LocalDateTime start = LocalDateTime.parse("2026-09-01T00:00:00Z".replace("Z", ""));
        return start.plusMinutes(random.nextInt(60 * 24 * 88)).toEpochSecond(ZoneOffset.UTC);
    }

    /**
     * When Stripe created an event: within the last few hours (the Events API keeps 30 days), whatever the
     * money's own dates.
     */
    private long created() {
        return base + random.nextInt(10_000);
    }

    private Expected expectedFor(Campaign campaign, long paidAt) {
        String period = campaign.periodAt(Instant.ofEpochSecond(paidAt)).key().value();
        return expected.computeIfAbsent(new Key(campaign.id(), period), k -> new Expected());
    }

    private String currency(Campaign campaign) {
        return campaign.currency().getCurrencyCode().toLowerCase();
    }

    private void add(String type, Map<String, Object> object) {
        events.add(event(id("evt"), type, object, created()));
    }

    private String email() {
        return "donor" + random.nextInt(300) + "@example.org";
    }

    @SuppressWarnings("unchecked")
    private void oneTime(Campaign campaign, int n) {
        long amount = 100 + random.nextInt(50_000);
        long fee = amount * 29 / 1000 + 30;
        String email = email();
        Donation donation = pendingDonation(campaign, DonationInterval.ONCE, amount, null);
        String session = "cs_test_chaos_" + n;
        String intent = id("pi");
        String charge = id("ch");
        long paidAt = paidAt();
        String cur = currency(campaign);
        int outcome = random.nextInt(10);
        if (outcome == 0) {
            Map<String, Object> expired = StripeJson.session(
                    session,
                    "payment",
                    "unpaid",
                    "expired",
                    null,
                    null,
                    donation.publicId(),
                    amount,
                    cur,
                    email,
                    paidAt);
            STRIPE.putSession(expired);
            add("checkout.session.expired", expired);
            return;
        }
        if (outcome == 1) {
            Map<String, Object> failed = StripeJson.session(
                    session,
                    "payment",
                    "unpaid",
                    "complete",
                    intent,
                    null,
                    donation.publicId(),
                    amount,
                    cur,
                    email,
                    paidAt);
            STRIPE.putSession(failed);
            add("checkout.session.completed", failed);
            add("checkout.session.async_payment_failed", failed);
            return;
        }
        Map<String, Object> pi =
                StripeJson.paymentIntent(intent, charge, amount, fee, cur, donation.publicId(), paidAt);
        ((Map<String, Object>) ((Map<String, Object>) pi.get("latest_charge")).get("billing_details"))
                .put("email", email);
        Map<String, Object> paid = StripeJson.session(
                session, "payment", "paid", "complete", intent, null, donation.publicId(), amount, cur, email, paidAt);
        STRIPE.putSession(paid);
        if (outcome == 2) {
            // a delayed method (SEPA, ACH): started at paidAt, cleared one to five days later, and dated when it
            // cleared
            long clearedAt = paidAt + (1 + random.nextInt(5)) * 86_400L;
            ((Map<String, Object>) ((Map<String, Object>) pi.get("latest_charge")).get("balance_transaction"))
                    .put("created", clearedAt);
            add(
                    "checkout.session.completed",
                    StripeJson.session(
                            session,
                            "payment",
                            "unpaid",
                            "complete",
                            intent,
                            null,
                            donation.publicId(),
                            amount,
                            cur,
                            email,
                            paidAt));
            add("checkout.session.async_payment_succeeded", paid);
            paidAt = clearedAt;
        } else {
            add("checkout.session.completed", paid);
        }
        STRIPE.putPaymentIntent(pi);
        Expected e = expectedFor(campaign, paidAt);
        e.raised += amount;
        e.gross += amount;
        e.fees += fee;
        e.donations++;
        e.donors.add(email);
        afterPayment(campaign, e, intent, charge, amount);
    }

    /** Refunds (partial, full, failed) and disputes (won, lost) of a counted payment. */
    private void afterPayment(Campaign campaign, Expected e, String intent, String charge, long amount) {
        String cur = currency(campaign);
        int roll = random.nextInt(10);
        if (roll < 3) {
            long left = amount;
            long refundedSoFar = 0;
            int refunds = 1 + random.nextInt(2);
            for (int r = 0; r < refunds && left > 0; r++) {
                long part = random.nextBoolean() ? left : 1 + random.nextInt((int) left);
                boolean fails = random.nextInt(6) == 0;
                Map<String, Object> refund =
                        StripeJson.refund(id("re"), charge, intent, part, cur, fails ? "failed" : "succeeded", now());
                STRIPE.putRefund(refund);
                add(
                        "refund.created",
                        StripeJson.refund((String) refund.get("id"), charge, intent, part, cur, "succeeded", now()));
                if (fails) {
                    add("refund.failed", refund);
                } else {
                    add("refund.updated", refund);
                    e.raised -= part;
                    e.refunded += part;
                    left -= part;
                    refundedSoFar += part;
                }
                add("charge.refunded", StripeJson.charge(charge, intent, amount, refundedSoFar, cur, now()));
            }
        } else if (roll < 5) {
            String dispute = id("dp");
            boolean won = random.nextBoolean();
            STRIPE.putDispute(StripeJson.dispute(dispute, charge, intent, amount, cur, won ? "won" : "lost", now()));
            add(
                    "charge.dispute.created",
                    StripeJson.dispute(dispute, charge, intent, amount, cur, "needs_response", now()));
            add(
                    "charge.dispute.funds_withdrawn",
                    StripeJson.dispute(dispute, charge, intent, amount, cur, "needs_response", now()));
            if (won) {
                add(
                        "charge.dispute.funds_reinstated",
                        StripeJson.dispute(dispute, charge, intent, amount, cur, "won", now()));
            } else {
                e.raised -= amount;
                e.disputed += amount;
            }
            add(
                    "charge.dispute.closed",
                    StripeJson.dispute(dispute, charge, intent, amount, cur, won ? "won" : "lost", now()));
        }
    }

    /**
     * A monthly donation: its checkout, one to three instalments, its subscription's life (an
     * amount change, sometimes a pause, then either still active or ended after a failed
     * instalment), each state change an event of its own time, delivered in any order.
     */
    private void monthly(Campaign campaign, int n) {
        long amount = 500 + random.nextInt(5_000);
        long fee = amount * 29 / 1000 + 30;
        String email = email();
        String cur = currency(campaign);
        Donation donation = pendingDonation(campaign, DonationInterval.MONTH, amount, null);
        String subscription = id("sub");
        Map<String, Object> session = StripeJson.session(
                "cs_test_chaos_" + n,
                "subscription",
                "paid",
                "complete",
                null,
                subscription,
                donation.publicId(),
                amount,
                cur,
                email,
                now());
        STRIPE.putSession(session);
        add("checkout.session.completed", session);
        int instalments = 1 + random.nextInt(3);
        long firstPaid = paidAt();
        for (int k = 0; k < instalments; k++) {
            long paidAt = firstPaid + k * 31L * 86_400;
            String invoice = id("in");
            String intent = id("pi");
            String charge = id("ch");
            STRIPE.putPaymentIntent(StripeJson.paymentIntent(intent, charge, amount, fee, cur, null, paidAt));
            Map<String, Object> object = StripeJson.invoice(
                    invoice,
                    subscription,
                    donation.publicId(),
                    amount,
                    cur,
                    k == 0 ? "subscription_create" : "subscription_cycle",
                    email,
                    paidAt);
            STRIPE.putInvoice(object, intent);
            add("invoice.paid", object);
            Expected e = expectedFor(campaign, paidAt);
            e.raised += amount;
            e.gross += amount;
            e.fees += fee;
            e.donations++;
            e.donors.add(email);
            afterPayment(campaign, e, intent, charge, amount);
        }
        // the subscription's states, each at its own second: created, amount changed, maybe paused, then the end or the
        // newest amount
        long at = created();
        long changed = amount + 100;
        subscriptionEvent("customer.subscription.created", subscription, donation, "active", amount, false, at);
        subscriptionEvent("customer.subscription.updated", subscription, donation, "active", changed, false, at + 1);
        if (random.nextBoolean()) {
            subscriptionEvent("customer.subscription.updated", subscription, donation, "active", changed, true, at + 2);
        }
        boolean ends = random.nextInt(4) == 0;
        if (ends) {
            add(
                    "invoice.payment_failed",
                    StripeJson.invoice(
                            id("in"), subscription, donation.publicId(), 0, cur, "subscription_cycle", email, now()));
            subscriptionEvent(
                    "customer.subscription.deleted", subscription, donation, "canceled", changed, false, at + 3);
        } else {
            subscriptionEvent(
                    "customer.subscription.updated", subscription, donation, "active", changed + 50, false, at + 3);
        }
        long finalAmount = ends ? changed : changed + 50;
        Map<String, Object> latest = StripeJson.subscription(
                subscription, ends ? "canceled" : "active", donation.publicId(), finalAmount, cur);
        STRIPE.putSubscription(latest);
        subscriptionEnds.add(new SubscriptionEnd(donation.id(), ends ? "canceled" : "active", finalAmount));
    }

    private void subscriptionEvent(
            String type, String subscription, Donation donation, String status, long amount, boolean paused, long at) {
        Map<String, Object> object = StripeJson.subscription(
                subscription,
                status,
                donation.publicId(),
                amount,
                donation.amount().currencyCode().toLowerCase());
        object.put(
                "pause_collection", paused ? StripeJson.map("behavior", "void", "resumes_at", at + 30 * 86_400) : null);
        events.add(event(id("evt"), type, object, at));
    }

    /** A paywall's subscription and a shop's payment on the same account: their events must change nothing. */
    private void anotherIntegration(int n) {
        String subscription = "sub_paywall_" + n;
        String intent = "pi_shop_" + n;
        String charge = "ch_shop_" + n;
        STRIPE.putSubscription(StripeJson.map(
                "id",
                subscription,
                "object",
                "subscription",
                "status",
                "active",
                "livemode",
                false,
                "metadata",
                StripeJson.map("plan", "digital")));
        STRIPE.putPaymentIntent(StripeJson.paymentIntent(intent, charge, 4_900, 172, "usd", null, now()));
        long at = created();
        foreign.add(event(
                id("evt"),
                "invoice.paid",
                StripeJson.invoice(
                        "in_paywall_" + n,
                        subscription,
                        null,
                        800,
                        "usd",
                        "subscription_cycle",
                        "reader@example.org",
                        at),
                at));
        foreign.add(event(
                id("evt"),
                "customer.subscription.updated",
                StripeJson.map(
                        "id",
                        subscription,
                        "object",
                        "subscription",
                        "status",
                        "active",
                        "metadata",
                        StripeJson.map("plan", "digital")),
                at));
        foreign.add(event(
                id("evt"),
                "checkout.session.completed",
                StripeJson.session(
                        "cs_shop_" + n,
                        "payment",
                        "paid",
                        "complete",
                        intent,
                        null,
                        null,
                        4_900,
                        "usd",
                        "buyer@example.org",
                        at),
                at));
        foreign.add(event(
                id("evt"),
                "refund.created",
                StripeJson.refund("re_shop_" + n, charge, intent, 900, "usd", "succeeded", at),
                at));
        foreign.add(event(id("evt"), "charge.refunded", StripeJson.charge(charge, intent, 4_900, 900, "usd", at), at));
        foreign.add(event(
                id("evt"),
                "charge.dispute.created",
                StripeJson.dispute("dp_shop_" + n, charge, intent, 4_000, "usd", "needs_response", at),
                at));
    }

    /** A gift whose payment Stripe does not have (a test-key leftover): its event fails every time and is parked. */
    private void poisoned(Campaign campaign, int n) {
        Donation donation = pendingDonation(campaign, DonationInterval.ONCE, 1_234, null);
        Map<String, Object> session = StripeJson.session(
                "cs_test_poison_" + n,
                "payment",
                "paid",
                "complete",
                "pi_missing_" + n,
                null,
                donation.publicId(),
                1_234,
                currency(campaign),
                null,
                now());
        STRIPE.putSession(session);
        add("checkout.session.completed", session);
        poisoned.add(donation.id());
    }
}
