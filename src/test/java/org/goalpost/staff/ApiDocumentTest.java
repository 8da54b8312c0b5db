package org.goalpost.staff;

import static org.assertj.core.api.Assertions.assertThat;
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
    void theDocumentListsTheStaffAndPublicApisWithTheirTokenScheme() throws Exception {
        String json = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Map<String, Object> paths = JsonPath.read(json, "$.paths");
        assertThat(paths).containsKeys("/api/staff/campaigns", "/api/staff/campaigns/{slug}", "/api/staff/campaigns/{slug}/totals",
                "/api/staff/donations", "/api/staff/campaigns/{slug}/offline-gifts", "/api/staff/donations/{id}/refunds",
                "/api/campaigns", "/api/campaigns/{slug}", "/api/campaigns/{slug}/checkout");
        assertThat(paths).doesNotContainKeys("/staff", "/stripe/webhook");
        assertThat((Object) JsonPath.read(json, "$.paths['/api/staff/campaigns'].post")).isNotNull();
        assertThat((Object) JsonPath.read(json, "$.paths['/api/staff/campaigns/{slug}'].put")).isNotNull();
        assertThat((String) JsonPath.read(json, "$.components.securitySchemes.staffToken.scheme")).isEqualTo("bearer");
        assertThat((Object) JsonPath.read(json, "$.paths['/api/staff/donations'].get.security[0].staffToken")).isNotNull();
        assertThat(mvc.perform(get("/v3/api-docs.yaml")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("openapi:").contains("/api/staff/donations/{id}/refunds:");
    }
}
