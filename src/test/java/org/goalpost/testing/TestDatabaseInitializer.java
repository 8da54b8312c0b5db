package org.goalpost.testing;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points an application test context at a fresh database on the primary test server (or H2). */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The metrics scrape token of every test app. */
    public static final String METRICS_TOKEN = "scrape-token-for-the-tests-0123456789";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        DbTarget target = TestDatabases.fresh(TestDatabases.primary(), "app");
        TestPropertyValues.of(
                        "spring.datasource.url=" + target.url(),
                        "spring.datasource.username=" + target.username(),
                        "spring.datasource.password=" + target.password(),
                        // many test contexts stay cached at once: each holds few connections (the server allows 151)
                        "spring.datasource.hikari.maximum-pool-size=8",
                        "spring.datasource.hikari.minimum-idle=1",
                        // every test app can be scraped with this token (MetricsScrapeTest), without a context of its
                        // own
                        "goalpost.metrics.token=" + METRICS_TOKEN)
                .applyTo(context);
    }
}
