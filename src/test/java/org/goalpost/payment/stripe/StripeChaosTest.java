package org.goalpost.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goalpost.payment.stripe.StripeJson.event;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Exactly-once under chaos: 500 random donation histories (one-time and monthly, delayed payments,
 * partial and full refunds, failed refunds, disputes won and lost, expired checkouts), each Stripe
 * event delivered 1 to 5 times, shuffled, from 16 threads over real HTTP with real signatures;
 * a 5xx is delivered again later, as Stripe does. The kept totals of every campaign and period
 * equal the expected figures and the ledger, and no movement is recorded twice.
 */
class StripeChaosTest extends StripeAppTestBase {

    private static final int HISTORIES = 500;
    private static final int THREADS = 16;

    @LocalServerPort
    int port;
    @Autowired
    LedgerCheck ledgerCheck;

    private record Key(long campaignId, String period) {
    }

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

    private final List<Map<String, Object>> events = new ArrayList<>();
    private final Map<Key, Expected> expected = new HashMap<>();
    private Random random;

    @Test
    void totalsAreExactWhateverStripeSendsTwiceLateOrOutOfOrder() throws Exception {
        long seed = Long.getLong("goalpost.test.seed", System.nanoTime());
        System.out.println("StripeChaosTest seed=" + seed + " (rerun with -Dgoalpost.test.seed=" + seed + ")");
        random = new Random(seed);
        List<Campaign> targets = List.of(
                campaign("chaos-usd"),
                campaigns.create(TestCampaigns.draft(TestCampaigns.uniqueSlug("chaos-monthly"), "USD", "monthly", "America/New_York", 100_000)),
                campaigns.create(TestCampaigns.draft(TestCampaigns.uniqueSlug("chaos-eur"), "EUR", "none", "UTC", 100_000)));
        for (int i = 0; i < HISTORIES; i++) {
            Campaign campaign = targets.get(random.nextInt(targets.size()));
            if (random.nextInt(10) < 7) {
                oneTime(campaign, i);
            } else {
                monthly(campaign, i);
            }
        }

        List<String> deliveries = new ArrayList<>();
        for (Map<String, Object> event : events) {
            String payload = StripeJson.write(event);
            int copies = 1 + random.nextInt(5);
            for (int c = 0; c < copies; c++) {
                deliveries.add(payload);
            }
        }
        Collections.shuffle(deliveries, random);
        long began = System.nanoTime();
        int redelivered = deliverAll(deliveries);
        long millis = (System.nanoTime() - began) / 1_000_000;
        System.out.printf("StripeChaosTest: %d histories, %d events, %d deliveries (%d redelivered after a 5xx) from %d threads in %d ms (%.0f deliveries/s)%n",
                HISTORIES, events.size(), deliveries.size(), redelivered, THREADS, millis, deliveries.size() * 1000.0 / Math.max(1, millis));

        Map<Key, PeriodTotals.Figures> kept = new HashMap<>();
        for (Campaign campaign : targets) {
            totals.periods(campaign, false).forEach(t -> kept.put(new Key(campaign.id(), t.period().value()), t.figures()));
            assertThat(totals.periods(campaign, true)).as("no live money from test events").isEmpty();
        }
        Map<Key, PeriodTotals.Figures> wanted = new HashMap<>();
        expected.forEach((key, value) -> wanted.put(key, value.figures()));
        assertThat(kept).isEqualTo(wanted);
        assertThat(kept.keySet().stream().filter(k -> k.campaignId() == targets.get(1).id()).count()).as("several months").isGreaterThan(1);

        List<Long> ids = targets.stream().map(Campaign::id).toList();
        assertThat(ledgerCheck.run().discrepancies()).filteredOn(d -> ids.contains(d.campaignId())).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM (SELECT kind, source_ref FROM ledger_entry GROUP BY kind, source_ref HAVING COUNT(*) > 1) d")
                .query(Long.class).single()).isZero();
        long inboxed = jdbc.sql("SELECT COUNT(*) FROM inbox_event WHERE event_id IN (:ids)")
                .param("ids", events.stream().map(e -> (String) e.get("id")).toList()).query(Long.class).single();
        assertThat(inboxed).as("every event once in the inbox").isEqualTo(events.size());
    }

    private int deliverAll(List<String> deliveries) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(deliveries);
        AtomicInteger redelivered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    String payload;
                    while ((payload = queue.poll()) != null) {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stripe/webhook"))
                                .header("Content-Type", "application/json")
                                .header("Stripe-Signature", sign(payload, SECRET, now()))
                                .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() >= 500) {
                            redelivered.incrementAndGet();
                            queue.add(payload);
                        } else if (response.statusCode() != 200) {
                            throw new AssertionError("Delivery refused with " + response.statusCode() + ": " + response.body());
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
        LocalDateTime start = LocalDateTime.parse("2026-09-01T00:00:00");
        return start.plusMinutes(random.nextInt(60 * 24 * 88)).toEpochSecond(ZoneOffset.UTC);
    }

    private Expected expectedFor(Campaign campaign, long paidAt) {
        String period = campaign.periodAt(Instant.ofEpochSecond(paidAt)).key().value();
        return expected.computeIfAbsent(new Key(campaign.id(), period), k -> new Expected());
    }

    private String currency(Campaign campaign) {
        return campaign.currency().getCurrencyCode().toLowerCase();
    }

    private void add(String type, Map<String, Object> object) {
        events.add(event(id("evt"), type, object, now()));
    }

    private String email() {
        return "donor" + random.nextInt(300) + "@example.org";
    }

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
            add("checkout.session.expired", StripeJson.session(session, "payment", "unpaid", "expired", null, null, donation.publicId(),
                    amount, cur, email, paidAt));
            return;
        }
        if (outcome == 1) {
            add("checkout.session.completed", StripeJson.session(session, "payment", "unpaid", "complete", intent, null, donation.publicId(),
                    amount, cur, email, paidAt));
            add("checkout.session.async_payment_failed", StripeJson.session(session, "payment", "unpaid", "complete", intent, null,
                    donation.publicId(), amount, cur, email, paidAt));
            return;
        }
        Map<String, Object> pi = StripeJson.paymentIntent(intent, charge, amount, fee, cur, donation.publicId(), paidAt);
        ((Map<String, Object>) ((Map<String, Object>) pi.get("latest_charge")).get("billing_details")).put("email", email);
        if (outcome == 2) {
            // a delayed method (SEPA, ACH): started at paidAt, cleared one to five days later, and dated when it cleared
            long clearedAt = paidAt + (1 + random.nextInt(5)) * 86_400L;
            ((Map<String, Object>) ((Map<String, Object>) pi.get("latest_charge")).get("balance_transaction")).put("created", clearedAt);
            STRIPE.putPaymentIntent(pi);
            add("checkout.session.completed", StripeJson.session(session, "payment", "unpaid", "complete", intent, null, donation.publicId(),
                    amount, cur, email, paidAt));
            events.add(event(id("evt"), "checkout.session.async_payment_succeeded", StripeJson.session(session, "payment", "paid",
                    "complete", intent, null, donation.publicId(), amount, cur, email, paidAt), clearedAt));
            paidAt = clearedAt;
        } else {
            STRIPE.putPaymentIntent(pi);
            add("checkout.session.completed", StripeJson.session(session, "payment", "paid", "complete", intent, null, donation.publicId(),
                    amount, cur, email, paidAt));
        }
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
                Map<String, Object> refund = StripeJson.refund(id("re"), charge, intent, part, cur, fails ? "failed" : "succeeded", now());
                STRIPE.putRefund(refund);
                add("refund.created", StripeJson.refund((String) refund.get("id"), charge, intent, part, cur, "succeeded", now()));
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
            add("charge.dispute.created", StripeJson.dispute(dispute, charge, intent, amount, cur, "needs_response", now()));
            add("charge.dispute.funds_withdrawn", StripeJson.dispute(dispute, charge, intent, amount, cur, "needs_response", now()));
            if (won) {
                add("charge.dispute.funds_reinstated", StripeJson.dispute(dispute, charge, intent, amount, cur, "won", now()));
            } else {
                e.raised -= amount;
                e.disputed += amount;
            }
            add("charge.dispute.closed", StripeJson.dispute(dispute, charge, intent, amount, cur, won ? "won" : "lost", now()));
        }
    }

    private void monthly(Campaign campaign, int n) {
        long amount = 500 + random.nextInt(5_000);
        long fee = amount * 29 / 1000 + 30;
        String email = email();
        String cur = currency(campaign);
        Donation donation = pendingDonation(campaign, DonationInterval.MONTH, amount, null);
        String subscription = id("sub");
        add("checkout.session.completed", StripeJson.session("cs_test_chaos_" + n, "subscription", "paid", "complete", null, subscription,
                donation.publicId(), amount, cur, email, now()));
        int instalments = 1 + random.nextInt(3);
        long firstPaid = paidAt();
        for (int k = 0; k < instalments; k++) {
            long paidAt = firstPaid + k * 31L * 86_400;
            String invoice = id("in");
            String intent = id("pi");
            String charge = id("ch");
            STRIPE.putPaymentIntent(StripeJson.paymentIntent(intent, charge, amount, fee, cur, null, paidAt));
            Map<String, Object> object = StripeJson.invoice(invoice, subscription, donation.publicId(), amount, cur,
                    k == 0 ? "subscription_create" : "subscription_cycle", email, paidAt);
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
        if (random.nextInt(4) == 0) {
            add("invoice.payment_failed", StripeJson.invoice(id("in"), subscription, donation.publicId(), 0, cur, "subscription_cycle", email, now()));
            add("customer.subscription.deleted", StripeJson.subscription(subscription, "canceled", donation.publicId(), amount, cur));
        } else {
            add("customer.subscription.updated", StripeJson.subscription(subscription, "active", donation.publicId(), amount, cur));
        }
    }

}
