package org.goalpost.progress;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import org.goalpost.testing.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** In live mode the demo's test money does not count, and no page says TEST MODE. */
@AppTest
@TestPropertySource(properties = "goalpost.mode=live")
class LiveModeTest {

    @Autowired
    MockMvc mvc;

    @Test
    void testMoneyIsNotCountedAndThereIsNoBanner() throws Exception {
        mvc.perform(get("/api/campaigns/support"))
                .andExpect(jsonPath("$.mode").value("live"))
                .andExpect(jsonPath("$.raisedMinor").value(0))
                .andExpect(jsonPath("$.donorCount").value(0));
        mvc.perform(get("/campaigns/support"))
                .andExpect(content().string(not(containsString("TEST MODE"))))
                .andExpect(content().string(containsString("<strong>0 $</strong> raised")));
    }
}
