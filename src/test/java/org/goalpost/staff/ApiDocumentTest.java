package org.goalpost.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.Map;
import org.goalpost.testing.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The OpenAPI document served by the app describes the staff API with the names sites script against. */
@AppTest
class ApiDocumentTest {

    @Autowired
    MockMvc mvc;

    @Test
    void thePublicDocumentIsPublicAndTheStaffOneIsForStaffOnly() throws Exception {
        String json = mvc.perform(get("/v3/api-docs/public"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Map<String, Object> paths = JsonPath.read(json, "$.paths");
        assertThat(paths)
                .containsKeys("/api/campaigns", "/api/campaigns/{slug}", "/api/campaigns/{slug}/checkout")
                .doesNotContainKeys("/api/staff/campaigns", "/api/staff/donations", "/staff", "/stripe/webhook");
        assertThat(json).doesNotContain("/api/staff/");
        assertThat(mvc.perform(get("/v3/api-docs.yaml/public"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("openapi:")
                .doesNotContain("/api/staff/");
        // the staff API's map is not handed to anyone who asks
        for (String staffOnly :
                new String[] {"/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/staff", "/v3/api-docs.yaml/staff"}) {
            mvc.perform(get(staffOnly)).andExpect(status().is3xxRedirection());
        }

        String staff = mvc.perform(get("/v3/api-docs/staff").with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Map<String, Object> staffPaths = JsonPath.read(staff, "$.paths");
        assertThat(staffPaths)
                .containsKeys(
                        "/api/staff/campaigns",
                        "/api/staff/campaigns/{slug}",
                        "/api/staff/campaigns/{slug}/totals",
                        "/api/staff/donations",
                        "/api/staff/campaigns/{slug}/offline-gifts",
                        "/api/staff/donations/{id}/refunds")
                .doesNotContainKeys("/api/campaigns", "/staff", "/stripe/webhook");
        assertThat((Object) JsonPath.read(staff, "$.paths['/api/staff/campaigns'].post"))
                .isNotNull();
        assertThat((String) JsonPath.read(staff, "$.components.securitySchemes.staffToken.scheme"))
                .isEqualTo("bearer");
        assertThat((Object) JsonPath.read(staff, "$.paths['/api/staff/donations'].get.security[0].staffToken"))
                .isNotNull();
        assertThat(mvc.perform(get("/v3/api-docs.yaml/staff").with(user("staff").roles("STAFF")))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("/api/staff/donations/{id}/refunds:");
    }
}
