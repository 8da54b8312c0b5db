package org.goalpost.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.goalpost.testing.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Readers never get a session or a cookie: not on the pages, the widget, the JSON API or when they
 * donate. A session per reader would cost memory on every front-page view and defeat CDN caching.
 */
@AppTest
class ReaderSessionTest {

    @Autowired
    MockMvc mvc;

    private void assertNoSession(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        String described =
                result.getRequest().getMethod() + " " + result.getRequest().getRequestURI() + " answered "
                        + result.getResponse().getStatus();
        assertThat(result.getResponse().getStatus()).as(described).isLessThan(400);
        assertThat(result.getRequest().getSession(false))
                .as(described + " and made a session")
                .isNull();
        assertThat(result.getResponse().getHeaders("Set-Cookie")).as(described).isEmpty();
    }

    @Test
    void noPublicRequestMakesASession() throws Exception {
        assertNoSession(get("/"));
        assertNoSession(get("/campaigns/support"));
        assertNoSession(get("/campaigns/support/thanks"));
        assertNoSession(get("/api/ping"));
        assertNoSession(get("/api/campaigns"));
        assertNoSession(get("/api/campaigns/support"));
        assertNoSession(get("/api/campaigns/support").param("mode", "live"));
        assertNoSession(get("/widget.js"));
        assertNoSession(get("/widget/support"));
        assertNoSession(get("/widget/support.svg"));
        assertNoSession(get("/css/goalpost.css"));
        assertNoSession(
                post("/campaigns/support/donate").param("amount", "2500").param("interval", "once"));
        assertNoSession(post("/api/campaigns/support/checkout")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"amountMinor\":2500,\"interval\":\"once\"}"));
    }
}
