package org.goalpost.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.goalpost.testing.AppTest;
import org.goalpost.testing.TestDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Prometheus scrapes {@code /actuator/prometheus} with the scrape token, and nobody else gets in. */
@AppTest
class MetricsScrapeTest {

    static final String TOKEN = TestDatabaseInitializer.METRICS_TOKEN;

    @Autowired
    MockMvc mvc;

    @Test
    void theScrapeTokenOpensTheMetricsAndNothingElseDoes() throws Exception {
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + TOKEN + "x"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Basic " + TOKEN))
                .andExpect(status().isUnauthorized());
        String scraped = mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + TOKEN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(scraped)
                .contains("goalpost_invariant_violations")
                .contains("goalpost_reconciler_parked")
                .contains("goalpost_mail_outbox_pending")
                .contains("jvm_memory_used_bytes");
        // the token opens the scrape only
        mvc.perform(get("/actuator/ledger").header("Authorization", "Bearer " + TOKEN))
                .andExpect(status().isUnauthorized());
    }
}
