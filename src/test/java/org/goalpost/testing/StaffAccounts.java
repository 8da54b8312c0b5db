package org.goalpost.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The staff accounts of the tests: the first admin and the admin API token come from the
 * environment settings, as in production ({@code GOALPOST_ADMIN_EMAIL}, {@code GOALPOST_ADMIN_PASSWORD},
 * {@code GOALPOST_ADMIN_API_TOKEN}); use the three settings together so that test classes share one context.
 */
public final class StaffAccounts {

    public static final String ADMIN_EMAIL = "first.admin@newsroom.test";
    public static final String PASSWORD = "Velvet-otter-carries-9-lanterns";
    public static final String ADMIN_TOKEN = "gp_bootstrapAdminTokenFromTheEnvironment0001";

    public static final String ADMIN_EMAIL_SETTING = "goalpost.admin.email=" + ADMIN_EMAIL;
    public static final String ADMIN_PASSWORD_SETTING = "goalpost.admin.password=" + PASSWORD;
    public static final String ADMIN_TOKEN_SETTING = "goalpost.admin.api-token=" + ADMIN_TOKEN;

    private StaffAccounts() {}

    /** The staff session's cookie (the session itself is in the database: Spring Session JDBC). */
    public static final String SESSION_COOKIE = "GOALPOST_SESSION";

    /** Logs in through the real form (with its CSRF token) and returns the new session's cookie. */
    public static Cookie login(MockMvc mvc, String email, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login")
                        .param("username", email)
                        .param("password", password)
                        .with(csrf()))
                .andReturn();
        assertThat(result.getResponse().getRedirectedUrl())
                .as("login of " + email)
                .endsWith("/staff");
        return sessionCookie(result);
    }

    /** The session cookie a response set, or fails. */
    public static Cookie sessionCookie(MvcResult result) {
        Cookie cookie = result.getResponse().getCookie(SESSION_COOKIE);
        assertThat(cookie).as("a session cookie").isNotNull();
        return cookie;
    }

    public static Cookie loginAsAdmin(MockMvc mvc) throws Exception {
        return login(mvc, ADMIN_EMAIL, PASSWORD);
    }

    /** The first admin signed in, looking at test money (the staff pages' Live/Test switch set to Test). */
    public static Cookie loginAsAdminInTestMode(MockMvc mvc) throws Exception {
        Cookie admin = loginAsAdmin(mvc);
        int status = mvc.perform(post("/staff/mode")
                        .cookie(admin)
                        .with(csrf())
                        .param("mode", "test")
                        .param("back", "/staff"))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(status).as("the mode switch answers with a redirect").isBetween(300, 399);
        return admin;
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
