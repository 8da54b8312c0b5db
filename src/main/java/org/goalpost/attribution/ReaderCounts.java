package org.goalpost.attribution;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.goalpost.shared.limits.KeyedBuckets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Views and clicks, summed in memory and written as increments (one upsert per campaign, day and attribution) every
 * {@code goalpost.attribution.flush-every}, by each instance on its own: counting costs the read path a map lookup
 * and an addition, never a query. A flush that fails keeps its counts for the next one; a clean shutdown writes what
 * is left. Each client address counts at most {@code views-per-ip} beacons a minute.
 */
@Component
public class ReaderCounts {

    private static final Logger log = LoggerFactory.getLogger(ReaderCounts.class);

    /** One aggregate row's identity. */
    record Key(long campaignId, LocalDate day, Attribution attribution) {}

    /** The counts of one key since the last flush. */
    static final class Counts {
        final LongAdder views = new LongAdder();
        final LongAdder clicks = new LongAdder();
    }

    private final AttributionRepository repository;
    private final Clock clock;
    private final KeyedBuckets clients;
    private final Counter limited;
    /** Writers take the read lock (shared, cheap); a flush takes the write lock only to swap the map. */
    private final ReentrantReadWriteLock swap = new ReentrantReadWriteLock();

    private volatile ConcurrentHashMap<Key, Counts> counts = new ConcurrentHashMap<>();

    ReaderCounts(
            AttributionRepository repository, Clock clock, AttributionProperties properties, MeterRegistry meters) {
        this.repository = repository;
        this.clock = clock;
        this.clients = properties.viewsPerIp() == 0
                ? null
                : new KeyedBuckets(properties.viewsPerIp(), java.time.Duration.ofMinutes(1), 200_000);
        this.limited = Counter.builder("goalpost.attribution.limited")
                .description("Views and clicks not counted: their client address sent too many")
                .register(meters);
    }

    /** Whether a client address may be counted now (its per-minute bound). */
    public boolean admits(String clientAddress) {
        if (clients == null || clients.of(clientAddress).tryConsume(1)) {
            return true;
        }
        limited.increment();
        return false;
    }

    /** One view of the widget, on the campaign's day now. */
    public void view(long campaignId, ZoneId zone, Attribution attribution) {
        add(campaignId, zone, attribution, false);
    }

    /** One click of the widget's Donate button (the campaign page opened from it, or its dialog). */
    public void click(long campaignId, ZoneId zone, Attribution attribution) {
        add(campaignId, zone, attribution, true);
    }

    private void add(long campaignId, ZoneId zone, Attribution attribution, boolean click) {
        Key key = new Key(campaignId, LocalDate.now(clock.withZone(zone)), attribution);
        swap.readLock().lock();
        try {
            Counts c = counts.computeIfAbsent(key, k -> new Counts());
            (click ? c.clicks : c.views).increment();
        } finally {
            swap.readLock().unlock();
        }
    }

    /** Writes the counts since the last flush; on failure they stay for the next one. */
    @Scheduled(
            fixedDelayString = "${goalpost.attribution.flush-every:5s}",
            initialDelayString = "${goalpost.attribution.flush-every:5s}")
    public synchronized void flush() {
        ConcurrentHashMap<Key, Counts> taken;
        swap.writeLock().lock();
        try {
            taken = counts;
            counts = new ConcurrentHashMap<>();
        } finally {
            swap.writeLock().unlock();
        }
        if (taken.isEmpty()) {
            return;
        }
        Map<Key, long[]> batch = new HashMap<>();
        taken.forEach((key, c) -> batch.put(key, new long[] {c.views.sum(), c.clicks.sum()}));
        try {
            repository.add(batch);
        } catch (RuntimeException e) {
            log.warn("Views and clicks not written ({} rows kept for the next try): {}", batch.size(), e.toString());
            batch.forEach((key, n) -> {
                swap.readLock().lock();
                try {
                    Counts c = counts.computeIfAbsent(key, k -> new Counts());
                    c.views.add(n[0]);
                    c.clicks.add(n[1]);
                } finally {
                    swap.readLock().unlock();
                }
            });
        }
    }

    @PreDestroy
    void writeWhatIsLeft() {
        flush();
    }
}
