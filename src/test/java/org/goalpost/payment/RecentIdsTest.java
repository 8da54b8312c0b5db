package org.goalpost.payment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentIdsTest {

    @Test
    void remembersTheNewestIdsOnly() {
        EventProcessor.RecentIds recent = new EventProcessor.RecentIds(3);
        for (String id : new String[] {"evt_1", "evt_2", "evt_3", "evt_4"}) {
            recent.add(id);
        }
        assertThat(recent.contains("evt_1"))
                .as("the eldest is forgotten: the inbox answers for it")
                .isFalse();
        assertThat(recent.contains("evt_2")).isTrue();
        assertThat(recent.contains("evt_4")).isTrue();
        assertThat(recent.contains("evt_5")).isFalse();
    }
}
