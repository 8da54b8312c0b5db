package org.goalpost.donation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.campaign.PeriodKey;
import org.goalpost.campaign.TestCampaigns;
import org.goalpost.testing.DbSuite;
import org.goalpost.testing.DbTarget;
import org.goalpost.testing.SlowTest;
import org.goalpost.testing.TestSeeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 10,000 ledger rows of every kind, over several campaigns, periods and both modes, written from
 * 8 threads with one in ten delivered twice: the kept totals equal both an independent count
 * and the totals recomputed from the ledger, exactly.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.goalpost.testing.TestDatabases#targets")
@SlowTest
class LedgerConcurrencyDbTest {

    private static final int ROWS = 10_000;
    private static final int THREADS = 8;

    @Parameter
    DbTarget db;

    private record Key(long campaignId, String period, boolean livemode) {}

    private static final class Expected {
        long raised;
        long gross;
        long refunded;
        long disputed;
        long adjusted;
        long fees;
        long donations;
        final Set<String> donors = new HashSet<>();

        PeriodTotals.Figures figures() {
            return new PeriodTotals.Figures(
                    raised, gross, refunded, disputed, adjusted, fees, donations, donors.size());
        }
    }

    @Test
    void keptTotalsEqualTheLedgerUnderConcurrentWrites() throws Exception {
        long seed = TestSeeds.seed("LedgerConcurrencyDbTest [" + db + "]");
        Random random = new Random(seed);
        Campaigns campaigns = DbSuite.bean(db, Campaigns.class);
        Ledger ledger = DbSuite.bean(db, Ledger.class);
        List<Campaign> targets = List.of(
                campaigns.create(TestCampaigns.draft(TestCampaigns.uniqueSlug("load-a"), 100_000, 500_000)),
                campaigns.create(
                        TestCampaigns.draft(TestCampaigns.uniqueSlug("load-b"), "EUR", "none", "UTC", 1_000_000)),
                campaigns.create(TestCampaigns.draft(
                        TestCampaigns.uniqueSlug("load-c"), "USD", "monthly", "America/New_York", 250_000)),
                campaigns.create(TestCampaigns.draft(
                        TestCampaigns.uniqueSlug("load-d"), "GBP", "monthly", "Asia/Tokyo", 50_000)));

        String run = Long.toString(seed, 36);
        Instant start = Instant.parse("2026-06-01T00:00:00Z");
        List<Map.Entry<Campaign, LedgerEntry>> deliveries = new ArrayList<>();
        Map<Key, Expected> expected = new HashMap<>();
        for (int i = 0; i < ROWS; i++) {
            Campaign campaign = targets.get(random.nextInt(targets.size()));
            LedgerKind kind = randomKind(random);
            long amount = 1 + random.nextInt(50_000);
            long signed = switch (kind) {
                case PAYMENT, OFFLINE_GIFT, DISPUTE_REVERSAL, REFUND_REVERSAL -> amount;
                case REFUND, DISPUTE -> -amount;
                case ADJUSTMENT -> random.nextBoolean() ? amount : -amount;
                case DISPUTE_FEE -> 0;
            };
            long fee = kind == LedgerKind.PAYMENT
                    ? amount * 29 / 1000 + 30
                    : kind == LedgerKind.DISPUTE_FEE ? (random.nextInt(4) == 0 ? -1_500 : 1_500) : 0;
            boolean livemode = random.nextInt(4) != 0;
            DonorRef donor = random.nextInt(5) == 0
                    ? DonorRef.anonymous(run + "-" + i)
                    : DonorRef.known(1 + random.nextInt(300));
            Instant at = start.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 180)));
            PeriodKey period = PeriodAttribution.forGift(campaign, at);
            LedgerEntry entry = new LedgerEntry(
                    kind,
                    campaign.money(signed),
                    fee,
                    "src_" + run + "_" + i,
                    null,
                    donor,
                    livemode,
                    at,
                    period,
                    null,
                    null);
            deliveries.add(Map.entry(campaign, entry));
            if (random.nextInt(10) == 0) {
                deliveries.add(Map.entry(campaign, entry));
            }
            Expected e =
                    expected.computeIfAbsent(new Key(campaign.id(), period.value(), livemode), k -> new Expected());
            e.raised += signed;
            e.fees += fee;
            switch (kind) {
                case PAYMENT, OFFLINE_GIFT -> {
                    e.gross += signed;
                    e.donations++;
                    e.donors.add(donor.value());
                }
                case REFUND, REFUND_REVERSAL -> e.refunded -= signed;
                case DISPUTE, DISPUTE_REVERSAL, DISPUTE_FEE -> e.disputed -= signed;
                case ADJUSTMENT -> e.adjusted += signed;
            }
        }
        Collections.shuffle(deliveries, random);

        AtomicInteger recorded = new AtomicInteger();
        AtomicInteger duplicates = new AtomicInteger();
        long began = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            int slice = (deliveries.size() + THREADS - 1) / THREADS;
            for (int t = 0; t < THREADS; t++) {
                List<Map.Entry<Campaign, LedgerEntry>> mine =
                        deliveries.subList(t * slice, Math.min(deliveries.size(), (t + 1) * slice));
                futures.add(pool.submit(() -> mine.forEach(d -> {
                    if (ledger.record(d.getKey(), d.getValue()).isNew()) {
                        recorded.incrementAndGet();
                    } else {
                        duplicates.incrementAndGet();
                    }
                })));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        long millis = (System.nanoTime() - began) / 1_000_000;
        System.out.printf(
                "LedgerConcurrencyDbTest [%s]: %d deliveries (%d rows, %d repeats) from %d threads in %d ms (%.0f/s)%n",
                db,
                deliveries.size(),
                recorded.get(),
                duplicates.get(),
                THREADS,
                millis,
                deliveries.size() * 1000.0 / Math.max(1, millis));

        assertThat(recorded.get()).isEqualTo(ROWS);
        assertThat(duplicates.get()).isEqualTo(deliveries.size() - ROWS);
        List<Long> ids = targets.stream().map(Campaign::id).toList();
        JdbcClient jdbc = DbSuite.bean(db, JdbcClient.class);
        long rows = jdbc.sql("SELECT COUNT(*) FROM ledger_entry WHERE campaign_id IN (:ids)")
                .param("ids", ids)
                .query(Long.class)
                .single();
        assertThat(rows).isEqualTo(ROWS);

        Map<Key, PeriodTotals.Figures> kept = new HashMap<>();
        Totals totals = DbSuite.bean(db, Totals.class);
        for (Campaign campaign : targets) {
            for (boolean livemode : new boolean[] {true, false}) {
                totals.periods(campaign, livemode)
                        .forEach(t -> kept.put(new Key(campaign.id(), t.period().value(), livemode), t.figures()));
            }
        }
        Map<Key, PeriodTotals.Figures> wanted = new HashMap<>();
        expected.forEach((key, value) -> wanted.put(key, value.figures()));
        assertThat(kept).isEqualTo(wanted);
        assertThat(kept.keySet().stream().map(Key::period).distinct().count())
                .as("several periods")
                .isGreaterThan(6);

        List<LedgerCheck.Discrepancy> discrepancies = DbSuite.bean(db, LedgerCheck.class).run().discrepancies().stream()
                .filter(d -> ids.contains(d.campaignId()))
                .toList();
        assertThat(discrepancies).isEmpty();
    }

    /** The hottest case: 32 threads × 500 payments on one campaign, so every write adds to the same totals row. */
    @Test
    void oneCampaignTakesThirtyTwoWritersAtOnce() throws Exception {
        int writers = 32;
        int each = 500;
        Campaign campaign = DbSuite.bean(db, Campaigns.class)
                .create(TestCampaigns.draft(TestCampaigns.uniqueSlug("hot"), 100_000, 500_000));
        Ledger ledger = DbSuite.bean(db, Ledger.class);
        String run = Long.toString(System.nanoTime(), 36);
        Instant at = Instant.parse("2026-06-01T12:00:00Z");
        PeriodKey period = PeriodAttribution.forGift(campaign, at);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicLong expected = new java.util.concurrent.atomic.AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long began;
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                futures.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        long amount = 100 + (writer * 7L + i) % 9_900;
                        LedgerEntry entry = new LedgerEntry(
                                LedgerKind.PAYMENT,
                                campaign.money(amount),
                                0,
                                "hot_" + run + "_" + writer + "_" + i,
                                null,
                                DonorRef.known(1 + writer),
                                false,
                                at,
                                period,
                                null,
                                null);
                        assertThat(ledger.record(campaign, entry).isNew()).isTrue();
                        expected.addAndGet(amount);
                    }
                    return null;
                }));
            }
            began = System.nanoTime();
            go.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        long millis = (System.nanoTime() - began) / 1_000_000;
        System.out.printf(
                "LedgerConcurrencyDbTest [%s]: %d payments on one campaign from %d threads in %d ms (%.0f/s)%n",
                db, writers * each, writers, millis, writers * each * 1000.0 / Math.max(1, millis));
        PeriodTotals totals = DbSuite.bean(db, Totals.class).of(campaign, period, false);
        assertThat(totals.raisedMinor()).isEqualTo(expected.get());
        assertThat(totals.donationCount()).isEqualTo(writers * each);
        assertThat(totals.donorCount()).isEqualTo(writers);
        assertThat(DbSuite.bean(db, LedgerCheck.class).run().discrepancies().stream()
                        .filter(d -> d.campaignId() == campaign.id()))
                .isEmpty();
    }

    private static LedgerKind randomKind(Random random) {
        int roll = random.nextInt(100);
        if (roll < 50) {
            return LedgerKind.PAYMENT;
        }
        if (roll < 60) {
            return LedgerKind.OFFLINE_GIFT;
        }
        if (roll < 72) {
            return LedgerKind.REFUND;
        }
        if (roll < 75) {
            return LedgerKind.REFUND_REVERSAL;
        }
        if (roll < 83) {
            return LedgerKind.DISPUTE;
        }
        if (roll < 88) {
            return LedgerKind.DISPUTE_REVERSAL;
        }
        if (roll < 91) {
            return LedgerKind.DISPUTE_FEE;
        }
        return LedgerKind.ADJUSTMENT;
    }
}
