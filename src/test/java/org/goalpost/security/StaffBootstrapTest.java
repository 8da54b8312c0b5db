package org.goalpost.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.goalpost.testing.AppTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Without {@code GOALPOST_ADMIN_EMAIL} and {@code GOALPOST_ADMIN_PASSWORD} there is no staff
 * account at all (no default password); with them, the first admin is created once, and a weak
 * password stops the start with the reason. Its own context: it starts without any admin.
 */
@AppTest
@TestPropertySource(properties = "goalpost.test.context=bootstrap")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffBootstrapTest {

    @Autowired
    StaffUsers users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    MockMvc mvc;

    @Test
    @Order(1)
    void withoutTheEnvironmentThereIsNoAccountAndNoDefaultPassword() throws Exception {
        assertThat(users.all()).isEmpty();
        for (String[] guess :
                new String[][] {{"admin", "admin"}, {"admin@localhost", "password"}, {"admin@example.com", "changeme"}
                }) {
            String target = mvc.perform(post("/login")
                            .param("username", guess[0])
                            .param("password", guess[1])
                            .with(csrf())
                            .with(request -> {
                                request.setRemoteAddr("10.77.0.1");
                                return request;
                            }))
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl();
            assertThat(target).isEqualTo("/login?error");
        }
        assertThat(mvc.perform(get("/api/staff/campaigns").header("Authorization", "Bearer admin"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(401);
    }

    @Test
    @Order(2)
    void aWeakBootstrapPasswordStopsTheStartAndSaysWhy() {
        StaffBootstrap weak = new StaffBootstrap(users, tokens, "first@newsroom.test", "short-pass", "");
        assertThatThrownBy(() -> weak.run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("GOALPOST_ADMIN_PASSWORD")
                .hasMessageContaining("at least 12")
                .hasNoCause();
        StaffBootstrap common = new StaffBootstrap(users, tokens, "first@newsroom.test", "1q2w3e4r1234", "");
        assertThatThrownBy(() -> common.run(null)).hasMessageContaining("common");
        StaffBootstrap shortToken = new StaffBootstrap(users, tokens, "", "", "too-short");
        assertThatThrownBy(() -> shortToken.run(null)).hasMessageContaining("GOALPOST_ADMIN_API_TOKEN");
        assertThat(users.all()).isEmpty();
    }

    @Test
    @Order(3)
    void theFirstAdminIsCreatedOnceAndCanLogIn() throws Exception {
        new StaffBootstrap(users, tokens, " First@Newsroom.test ", "Long-enough-and-rare-42", "gp_" + "t".repeat(40))
                .run(null);
        new StaffBootstrap(users, tokens, "second@newsroom.test", "Another-long-one-99-x", "gp_" + "t".repeat(40))
                .run(null);
        assertThat(users.all()).singleElement().satisfies(user -> {
            assertThat(user.email()).isEqualTo("first@newsroom.test");
            assertThat(user.role()).isEqualTo(StaffRole.ADMIN);
        });
        assertThat(tokens.all()).hasSize(1);
        assertThat(mvc.perform(post("/login")
                                .param("username", "first@newsroom.test")
                                .param("password", "Long-enough-and-rare-42")
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .endsWith("/staff");
        assertThat(mvc.perform(get("/api/staff/campaigns").header("Authorization", "Bearer gp_" + "t".repeat(40)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }
}
