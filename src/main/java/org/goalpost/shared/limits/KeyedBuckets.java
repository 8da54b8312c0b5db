package org.goalpost.shared.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * One token bucket (Bucket4j) per key, such as a client address: {@code capacity} tokens refilled
 * evenly over {@code period}. The buckets live in a bounded cache (Caffeine), so a flood of keys
 * cannot fill the memory; a bucket idle for two periods is dropped (it would be full again anyway).
 * Each instance keeps its own.
 */
public final class KeyedBuckets {

    private final int capacity;
    private final Duration period;
    private final Cache<String, Bucket> buckets;

    public KeyedBuckets(int capacity, Duration period, long maxKeys) {
        this.capacity = capacity;
        this.period = period;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfterAccess(period.multipliedBy(2))
                .build();
    }

    /** The bucket of a key (null: the key "unknown"). */
    public Bucket of(String key) {
        return buckets.get(key == null ? "unknown" : key, k -> single(capacity, period));
    }

    /** One bucket of {@code capacity} tokens refilled evenly over {@code period}. */
    public static Bucket single(int capacity, Duration period) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(capacity)
                        .refillGreedy(capacity, period)
                        .build())
                .build();
    }
}
