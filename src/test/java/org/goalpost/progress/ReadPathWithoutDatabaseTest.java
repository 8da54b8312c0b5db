package org.goalpost.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.goalpost.health.Invariants;
import org.goalpost.testing.AppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The widget's requests never reach the database: connections are counted around 600 of them. */
@AppTest
@Import(ReadPathWithoutDatabaseTest.Counting.class)
// no background job takes a connection while the requests are counted: no polls, no session clean-up
@TestPropertySource(
        properties = {
            "goalpost.cache.poll=1h",
            "goalpost.payments.reconcile-enabled=false",
            "goalpost.receipts.poll=1h",
            "spring.session.jdbc.cleanup-cron=-"
        })
class ReadPathWithoutDatabaseTest {

    static final AtomicLong CONNECTIONS = new AtomicLong();

    @TestConfiguration
    static class Counting {

        @Bean
        static BeanPostProcessor countConnections() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource)) {
                        return new CountingDataSource(dataSource);
                    }
                    return bean;
                }
            };
        }
    }

    static class CountingDataSource extends DelegatingDataSource {

        CountingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            CONNECTIONS.incrementAndGet();
            return super.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            CONNECTIONS.incrementAndGet();
            return super.getConnection(username, password);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Invariants invariants;

    /** The invariants check at start runs in the background: it is done before connections are counted. */
    @BeforeEach
    void startUpChecksDone() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> invariants.last() != null);
    }

    @Test
    void servingProgressJsonAndSvgTakesNoConnection() throws Exception {
        mvc.perform(get("/api/campaigns/support")).andExpect(status().isOk());
        mvc.perform(get("/widget/support.svg")).andExpect(status().isOk());
        long before = CONNECTIONS.get();
        assertThat(before).as("the counter sees the application's connections").isPositive();
        for (int i = 0; i < 200; i++) {
            mvc.perform(get("/api/campaigns/support")).andExpect(status().isOk());
            mvc.perform(get("/api/campaigns")).andExpect(status().isOk());
            mvc.perform(get("/widget/support.svg")).andExpect(status().isOk());
        }
        assertThat(CONNECTIONS.get() - before).isZero();
    }

    @Test
    void aFloodOfUnknownSlugsTakesNoConnectionEither() throws Exception {
        mvc.perform(get("/api/campaigns/support")).andExpect(status().isOk());
        long before = CONNECTIONS.get();
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 100; i++) {
            String slug = "no-such-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
            mvc.perform(get("/api/campaigns/" + slug)).andExpect(status().isNotFound());
            mvc.perform(get("/api/campaigns/" + slug).header("Origin", "https://elsewhere.example"))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/widget/" + slug + ".svg")).andExpect(status().isNotFound());
            mvc.perform(get("/campaigns/" + slug)).andExpect(status().isNotFound());
        }
        assertThat(CONNECTIONS.get() - before)
                .as("unknown slugs are answered from memory")
                .isZero();
    }
}
