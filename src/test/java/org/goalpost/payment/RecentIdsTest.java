package org.goalpost.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import org.junit.jupiter.api.Test;

class RecentIdsTest {

    @Test
    void remembersTheLatestIdsWithinItsBound() {
        Cache<String, Boolean> recent = EventProcessor.recentIds(100);
        for (int i = 1; i <= 10_000; i++) {
            recent.put("evt_" + i, Boolean.TRUE);
        }
        recent.cleanUp();
        assertThat(recent.estimatedSize())
                .as("bounded: the inbox answers for what is forgotten")
                .isLessThanOrEqualTo(100);
        assertThat(recent.asMap()).containsKey("evt_10000");
        assertThat(recent.asMap()).doesNotContainKey("evt_10001");
    }
}
