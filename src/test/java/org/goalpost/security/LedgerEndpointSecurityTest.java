package org.goalpost.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.goalpost.testing.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/** The ledger check is for administrators; what is not public is denied by default. */
@AppTest
class LedgerEndpointSecurityTest {

    @Autowired
    MockMvc mvc;

    @Test
    void anonymousCallersAreTurnedAway() throws Exception {
        mvc.perform(get("/actuator/ledger")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/env")).andExpect(status().isUnauthorized());
        mvc.perform(get("/staff")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/staff/campaigns")).andExpect(status().isUnauthorized());
    }

    @Test
    @WithMockUser(roles = "STAFF")
    void staffWithoutTheAdminRoleAreRefused() throws Exception {
        mvc.perform(get("/actuator/ledger")).andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void adminsGetTheLedgerCheck() throws Exception {
        mvc.perform(get("/actuator/ledger"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consistent").value(true))
                .andExpect(jsonPath("$.periodsChecked").isNumber())
                .andExpect(jsonPath("$.discrepancies").isEmpty());
    }
}
