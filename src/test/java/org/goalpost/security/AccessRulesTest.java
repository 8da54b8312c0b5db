package org.goalpost.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goalpost.testing.AppTest;
import org.goalpost.testing.Snapshots;
import org.goalpost.testing.StaffAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every handler mapping of the running app (controllers, actuator, API document, static
 * resources) must have an access rule here, and each rule is checked for an anonymous caller, a
 * STAFF user and an ADMIN, through the real login and real API tokens. A new endpoint without a
 * rule fails {@link #everyMappingHasARule()}. State-changing staff endpoints are also refused
 * without a CSRF token (pages) or without an API token (API, where a session cookie counts for nothing).
 */
@AppTest
@TestPropertySource(
        properties = {
            StaffAccounts.ADMIN_EMAIL_SETTING,
            StaffAccounts.ADMIN_PASSWORD_SETTING,
            StaffAccounts.ADMIN_TOKEN_SETTING
        })
class AccessRulesTest {

    static final String ADMIN_EMAIL = StaffAccounts.ADMIN_EMAIL;
    static final String STAFF_EMAIL = "reader.of.numbers@newsroom.test";
    static final String PASSWORD = StaffAccounts.PASSWORD;
    static final String ADMIN_TOKEN = StaffAccounts.ADMIN_TOKEN;

    /**
     * Who may call what. PUBLIC: anyone; SIGNED: anyone, the endpoint checks Stripe's signature itself;
     * SCRAPE: only with the metrics scrape token (no session or staff token opens it; none is set here); DONOR: only a
     * donor signed in by a one-time link (DonorPortalTest): anyone else, staff and admins included, is sent to the
     * link request form.
     */
    enum Access {
        PUBLIC,
        SIGNED,
        SCRAPE,
        DONOR,
        STAFF,
        ADMIN
    }

    static final Map<String, Access> RULES = new TreeMap<>(Map.ofEntries(
            // Public pages and the read path
            Map.entry("GET /", Access.PUBLIC),
            Map.entry("GET /campaigns/{slug}", Access.PUBLIC),
            Map.entry("POST /campaigns/{slug}/donate", Access.PUBLIC),
            Map.entry("GET /campaigns/{slug}/thanks", Access.PUBLIC),
            Map.entry("GET /api/ping", Access.PUBLIC),
            Map.entry("GET /api/campaigns", Access.PUBLIC),
            Map.entry("GET /api/campaigns/{slug}", Access.PUBLIC),
            Map.entry("POST /api/campaigns/{slug}/checkout", Access.PUBLIC),
            Map.entry("POST /api/campaigns/{slug}/views", Access.PUBLIC),
            Map.entry("GET /widget/{slug}", Access.PUBLIC),
            Map.entry("GET /widget/{slug}.svg", Access.PUBLIC),
            Map.entry("GET /test-checkout/{sessionId}", Access.PUBLIC),
            // The donor portal: asking for a link and opening it are public; using it signs a donor in (Spring
            // Security's
            // one-time-token login, a filter, so no mapping here), and the portal's pages are for that donor only
            Map.entry("GET /donors/manage", Access.PUBLIC),
            Map.entry("POST /donors/manage", Access.PUBLIC),
            Map.entry("GET /donors/manage/{token}", Access.PUBLIC),
            Map.entry("GET /donors/link-expired", Access.PUBLIC),
            Map.entry("GET /donors/signed-out", Access.PUBLIC),
            // a failed instalment's card link: public, the link is the key (once, and the press carries the CSRF token)
            Map.entry("GET /donors/card/{token}", Access.PUBLIC),
            Map.entry("POST /donors/card/{token}", Access.PUBLIC),
            Map.entry("GET /donors/card-updated", Access.PUBLIC),
            Map.entry("GET /donors/portal", Access.DONOR),
            Map.entry("POST /donors/portal/{donation}/cancel", Access.DONOR),
            Map.entry("POST /donors/portal/{donation}/amount", Access.DONOR),
            Map.entry("POST /donors/portal/{donation}/card", Access.DONOR),
            Map.entry("POST /donors/portal/{donation}/pause", Access.DONOR),
            Map.entry("POST /donors/portal/{donation}/resume", Access.DONOR),
            Map.entry("POST /test-checkout/{sessionId}/complete", Access.PUBLIC),
            Map.entry("POST /test-checkout/{sessionId}/cancel", Access.PUBLIC),
            Map.entry("POST /stripe/webhook", Access.SIGNED),
            Map.entry("GET /login", Access.PUBLIC),
            Map.entry("GET /error", Access.PUBLIC),
            // the whole API document, and the staff group (the sample group is "staff"), for staff only; the public
            // group for all
            Map.entry("GET /v3/api-docs", Access.STAFF),
            Map.entry("GET /v3/api-docs.yaml", Access.STAFF),
            Map.entry("GET /v3/api-docs/{group}", Access.STAFF),
            Map.entry("GET /v3/api-docs.yaml/{group}", Access.STAFF),
            Map.entry("GET /webjars/**", Access.PUBLIC),
            Map.entry("GET /**", Access.PUBLIC),
            // Operations
            Map.entry("GET /actuator", Access.ADMIN),
            Map.entry("GET /actuator/health", Access.PUBLIC),
            Map.entry("GET /actuator/health/**", Access.PUBLIC),
            Map.entry("GET /actuator/info", Access.PUBLIC),
            Map.entry("GET /actuator/ledger", Access.ADMIN),
            Map.entry("GET /actuator/prometheus", Access.SCRAPE),
            Map.entry("POST /actuator/reconcile", Access.ADMIN),
            Map.entry("GET /actuator/invariants", Access.ADMIN),
            Map.entry("POST /actuator/invariants", Access.ADMIN),
            // Staff pages
            Map.entry("GET /staff", Access.STAFF),
            Map.entry("GET /staff/", Access.STAFF),
            Map.entry("POST /staff/mode", Access.STAFF),
            Map.entry("GET /staff/campaigns/{slug}/chart.json", Access.STAFF),
            Map.entry("GET /staff/donations", Access.STAFF),
            Map.entry("GET /staff/donations/{id}", Access.STAFF),
            Map.entry("GET /staff/export/donations.csv", Access.STAFF),
            Map.entry("GET /staff/export/totals.csv", Access.STAFF),
            Map.entry("GET /staff/campaigns/{slug}/recurring", Access.STAFF),
            Map.entry("GET /staff/campaigns/{slug}/ask", Access.STAFF),
            Map.entry("GET /staff/campaigns/{slug}/attribution", Access.STAFF),
            Map.entry("GET /staff/campaigns/{slug}/attribution.csv", Access.STAFF),
            Map.entry("POST /staff/campaigns/{slug}/ask", Access.ADMIN),
            Map.entry("POST /staff/campaigns/{slug}/experiments", Access.ADMIN),
            Map.entry("POST /staff/campaigns/{slug}/experiments/{id}/stop", Access.ADMIN),
            Map.entry("POST /staff/campaigns/{slug}/experiments/{id}/end", Access.ADMIN),
            Map.entry("GET /staff/campaigns/{slug}/recurring.csv", Access.STAFF),
            Map.entry("GET /staff/campaigns/{slug}/cohorts.csv", Access.STAFF),
            Map.entry("GET /staff/recurring", Access.STAFF),
            Map.entry("GET /staff/recurring.csv", Access.STAFF),
            Map.entry("GET /staff/recurring/cohorts.csv", Access.STAFF),
            Map.entry("GET /staff/campaigns/new", Access.ADMIN),
            Map.entry("GET /staff/campaigns/{slug}/edit", Access.ADMIN),
            Map.entry("POST /staff/campaigns", Access.ADMIN),
            Map.entry("POST /staff/campaigns/{slug}", Access.ADMIN),
            Map.entry("POST /staff/campaigns/{slug}/status", Access.ADMIN),
            Map.entry("POST /staff/donations/{id}/refund", Access.ADMIN),
            Map.entry("POST /staff/donations/{id}/reverse", Access.ADMIN),
            Map.entry("POST /staff/donations/{id}/wall", Access.ADMIN),
            Map.entry("GET /staff/offline-gifts/new", Access.ADMIN),
            Map.entry("POST /staff/offline-gifts", Access.ADMIN),
            Map.entry("GET /staff/users", Access.ADMIN),
            Map.entry("POST /staff/users", Access.ADMIN),
            Map.entry("POST /staff/users/{id}", Access.ADMIN),
            Map.entry("GET /staff/tokens", Access.ADMIN),
            Map.entry("POST /staff/tokens", Access.ADMIN),
            Map.entry("POST /staff/tokens/{id}/revoke", Access.ADMIN),
            Map.entry("GET /staff/audit", Access.ADMIN),
            Map.entry("GET /staff/reconciler", Access.ADMIN),
            Map.entry("POST /staff/reconciler/retry", Access.ADMIN),
            Map.entry("POST /staff/reconciler/dismiss", Access.ADMIN),
            // Staff API
            Map.entry("GET /api/staff/campaigns", Access.STAFF),
            Map.entry("GET /api/staff/campaigns/{slug}/ask", Access.STAFF),
            Map.entry("GET /api/staff/campaigns/{slug}/attribution", Access.STAFF),
            Map.entry("GET /api/staff/campaigns/{slug}/experiments", Access.STAFF),
            Map.entry("POST /api/staff/campaigns/{slug}/experiments", Access.ADMIN),
            Map.entry("POST /api/staff/campaigns/{slug}/experiments/{id}/stop", Access.ADMIN),
            Map.entry("POST /api/staff/campaigns/{slug}/experiments/{id}/end", Access.ADMIN),
            Map.entry("PUT /api/staff/campaigns/{slug}/ask", Access.ADMIN),
            Map.entry("POST /api/staff/campaigns", Access.ADMIN),
            Map.entry("PUT /api/staff/campaigns/{slug}", Access.ADMIN),
            Map.entry("GET /api/staff/campaigns/{slug}/totals", Access.STAFF),
            Map.entry("GET /api/staff/campaigns/{slug}/recurring", Access.STAFF),
            Map.entry("GET /api/staff/recurring", Access.STAFF),
            Map.entry("GET /api/staff/donations", Access.STAFF),
            Map.entry("GET /api/staff/privacy", Access.ADMIN),
            Map.entry("POST /api/staff/privacy/erase", Access.ADMIN),
            Map.entry("GET /api/staff/reconciler/parked", Access.ADMIN),
            Map.entry("POST /api/staff/reconciler/parked/{key}/retry", Access.ADMIN),
            Map.entry("POST /api/staff/reconciler/parked/{key}/dismiss", Access.ADMIN),
            Map.entry("POST /api/staff/campaigns/{slug}/offline-gifts", Access.ADMIN),
            Map.entry("POST /api/staff/donations/{id}/refunds", Access.ADMIN)));

    /** Endpoints that exist only with Stripe configured, or only with the local test gateway (without Stripe). */
    static final Set<String> ONLY_WITH_STRIPE = Set.of("POST /stripe/webhook");

    static final Set<String> ONLY_WITH_TEST_GATEWAY = Set.of(
            "GET /test-checkout/{sessionId}",
            "POST /test-checkout/{sessionId}/complete",
            "POST /test-checkout/{sessionId}/cancel");

    /** Concrete values for path variables; ids that exist nowhere, so that an allowed call changes nothing. */
    private static final Map<String, String> SAMPLES = Map.of(
            "slug",
            "support",
            "id",
            "999999",
            "sessionId",
            "cs_test_unknown",
            "group",
            "staff",
            "key",
            "event:evt_unknown");

    record Endpoint(String method, String pattern, List<String> params) {

        String key() {
            return method + " " + pattern;
        }

        boolean changesState() {
            return !method.equals("GET");
        }

        boolean api() {
            return pattern.startsWith("/api/") || pattern.startsWith("/actuator");
        }

        String url() {
            Matcher variables = Pattern.compile("\\{\\*?([^}]+)}").matcher(pattern);
            StringBuilder url = new StringBuilder();
            while (variables.find()) {
                variables.appendReplacement(url, SAMPLES.getOrDefault(variables.group(1), "liveness"));
            }
            variables.appendTail(url);
            if (pattern.equals("/**")) {
                return "/css/goalpost.css";
            }
            if (pattern.equals("/webjars/**")) {
                return "/webjars/uplot/dist/uPlot.min.css";
            }
            String path = url.toString().replace("/**", "/liveness");
            return path;
        }
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffUsers users;

    @Autowired
    ApiTokens tokens;

    private String staffToken;

    @BeforeEach
    void staffUserAndToken() {
        if (users.all().stream().noneMatch(u -> u.email().equals(STAFF_EMAIL))) {
            users.create(STAFF_EMAIL, "Reader", PASSWORD, "staff");
        }
        staffToken = tokens.create("matrix staff token", "staff", "test");
    }

    @Test
    void everyMappingHasARule() {
        Set<String> unruled = new TreeSet<>();
        for (Endpoint endpoint : endpoints()) {
            if (!RULES.containsKey(endpoint.key())) {
                unruled.add(endpoint.key());
            }
        }
        assertThat(unruled)
                .as("endpoints without an access rule in AccessRulesTest.RULES")
                .isEmpty();
        Set<String> mapped =
                new TreeSet<>(endpoints().stream().map(Endpoint::key).toList());
        Set<String> expected = new TreeSet<>(RULES.keySet());
        expected.removeAll(withStripe() ? ONLY_WITH_TEST_GATEWAY : ONLY_WITH_STRIPE);
        assertThat(mapped).as("rules for endpoints that no longer exist").containsAll(expected);
        assertThat(mapped).hasSizeGreaterThan(50);
    }

    @Test
    void anonymousCallersGetOnlyWhatIsPublic() throws Exception {
        for (Endpoint endpoint : endpoints()) {
            Access access = rule(endpoint);
            // With a CSRF token, so that what is checked is the access rule, not the missing token.
            MvcResult result = mvc.perform(call(endpoint).with(csrf())).andReturn();
            int status = result.getResponse().getStatus();
            String described = endpoint.key() + " (anonymous) answered " + status + " "
                    + result.getResponse().getRedirectedUrl();
            switch (access) {
                case PUBLIC, SIGNED -> assertAllowed(endpoint, status, described);
                case SCRAPE -> assertThat(status).as(described).isEqualTo(401);
                case DONOR -> assertSentToTheLinkForm(result.getResponse(), described);
                case STAFF, ADMIN -> {
                    if (endpoint.api()) {
                        assertThat(status).as(described).isEqualTo(401);
                    } else {
                        assertThat(status).as(described).isEqualTo(302);
                        assertThat(result.getResponse().getRedirectedUrl())
                                .as(described)
                                .endsWith("/login");
                    }
                }
            }
        }
    }

    @Test
    void staffReadButDoNotChange() throws Exception {
        Cookie session = login(STAFF_EMAIL);
        for (Endpoint endpoint : endpoints()) {
            int status = perform(endpoint, session, staffToken);
            String described = endpoint.key() + " (STAFF) answered " + status;
            if (rule(endpoint) == Access.ADMIN) {
                assertThat(status).as(described).isEqualTo(403);
            } else if (rule(endpoint) == Access.DONOR) {
                assertThat(status)
                        .as(described + ": a staff login is no donor's sign-in")
                        .isEqualTo(302);
            } else if (rule(endpoint) == Access.SCRAPE) {
                assertThat(status).as(described).isEqualTo(401);
            } else {
                assertAllowed(endpoint, status, described);
            }
        }
    }

    @Test
    void adminsMayDoEverything() throws Exception {
        Cookie session = login(ADMIN_EMAIL);
        for (Endpoint endpoint : endpoints()) {
            int status = perform(endpoint, session, ADMIN_TOKEN);
            if (rule(endpoint) == Access.SCRAPE) {
                assertThat(status)
                        .as(endpoint.key() + ": the scrape token only, not an admin's session")
                        .isEqualTo(401);
            } else if (rule(endpoint) == Access.DONOR) {
                assertThat(status)
                        .as(endpoint.key() + ": an admin's login is no donor's sign-in")
                        .isEqualTo(302);
            } else {
                assertAllowed(endpoint, status, endpoint.key() + " (ADMIN) answered " + status);
            }
        }
    }

    @Test
    void stateChangingStaffPagesRefuseAMissingCsrfToken() throws Exception {
        Cookie session = login(ADMIN_EMAIL);
        int checked = 0;
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.changesState()
                    && !endpoint.api()
                    && rule(endpoint) != Access.PUBLIC
                    && rule(endpoint) != Access.SIGNED) {
                int status = mvc.perform(call(endpoint).cookie(session))
                        .andReturn()
                        .getResponse()
                        .getStatus();
                assertThat(status)
                        .as(endpoint.key() + " without a CSRF token answered " + status)
                        .isEqualTo(403);
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
        // a forged token is no better than none
        int forged = mvc.perform(post("/staff/campaigns/support/status")
                        .param("status", "ENDED")
                        .param("_csrf", "forged")
                        .cookie(session))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(forged).isEqualTo(403);
    }

    @Test
    void theStaffApiIgnoresSessionsAndWantsAToken() throws Exception {
        Cookie session = login(ADMIN_EMAIL);
        int checked = 0;
        for (Endpoint endpoint : endpoints()) {
            if (endpoint.pattern().startsWith("/api/staff/")) {
                int withSession = mvc.perform(call(endpoint).cookie(session).with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getStatus();
                assertThat(withSession)
                        .as(endpoint.key() + " with a staff session but no token")
                        .isEqualTo(401);
                int wrongToken = mvc.perform(
                                call(endpoint).header(HttpHeaders.AUTHORIZATION, "Bearer gp_" + "x".repeat(40)))
                        .andReturn()
                        .getResponse()
                        .getStatus();
                assertThat(wrongToken)
                        .as(endpoint.key() + " with an unknown token")
                        .isEqualTo(401);
                checked++;
            }
        }
        assertThat(checked).as("staff API endpoints").isEqualTo(21);
    }

    /**
     * The security headers of every route, for an anonymous caller and for an admin, over HTTPS:
     * checked here against the rules, and kept as a snapshot so that any change shows in review.
     */
    @Test
    void everyRouteSendsTheSecurityHeaders() throws Exception {
        Cookie session = login(ADMIN_EMAIL);
        List<String> snapshot = new ArrayList<>();
        for (Endpoint endpoint : endpoints().stream()
                .sorted(java.util.Comparator.comparing(Endpoint::key)
                        .thenComparing(e -> e.params().toString()))
                .toList()) {
            for (boolean admin : new boolean[] {false, true}) {
                MockHttpServletRequestBuilder request = call(endpoint).secure(true);
                if (!admin) {
                    request.with(csrf());
                } else if (endpoint.pattern().startsWith("/api/staff/")) {
                    request.header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_TOKEN);
                } else {
                    request.cookie(session).with(csrf());
                }
                MockHttpServletResponse response =
                        mvc.perform(request).andReturn().getResponse();
                String described = endpoint.key() + (admin ? " (admin)" : " (anonymous)");
                String policy = response.getHeader("Content-Security-Policy");
                assertThat(policy).as(described).contains("object-src 'none'").contains("base-uri 'none'");
                assertThat(policy)
                        .as(described + ": no inline script, no eval")
                        .doesNotContain("'unsafe-eval'")
                        .doesNotContainPattern("script-src[^;]*'unsafe-inline'")
                        .containsPattern("script-src 'self'|default-src 'none'");
                if (endpoint.pattern().equals("/widget/{slug}") && response.getStatus() == 200) {
                    assertThat(policy)
                            .as(described)
                            .contains("frame-ancestors *")
                            .contains("default-src 'none'");
                    assertThat(response.getHeader("X-Frame-Options"))
                            .as(described)
                            .isNull();
                } else {
                    assertThat(policy).as(described).contains("frame-ancestors 'none'");
                    assertThat(response.getHeader("X-Frame-Options"))
                            .as(described)
                            .isEqualTo("DENY");
                }
                assertThat(response.getHeader("X-Content-Type-Options"))
                        .as(described)
                        .isEqualTo("nosniff");
                assertThat(response.getHeader("Referrer-Policy"))
                        .as(described)
                        .isEqualTo("strict-origin-when-cross-origin");
                assertThat(response.getHeader("Strict-Transport-Security"))
                        .as(described)
                        .startsWith("max-age=");
                if (response.getStatus() >= 400) {
                    assertThat(response.getContentAsString())
                            .as(described + ": no framework detail in an error body")
                            .doesNotContain("Exception", "\tat ", "springframework", "Whitelabel", "Caused by");
                }
                snapshot.add(described + " " + response.getStatus() + " | CSP: " + policy + " | XFO: "
                        + response.getHeader("X-Frame-Options")
                        + " | " + response.getHeader("X-Content-Type-Options") + " | "
                        + response.getHeader("Referrer-Policy")
                        + " | HSTS: " + response.getHeader("Strict-Transport-Security") + " | Cache-Control: "
                        + response.getHeader("Cache-Control"));
            }
        }
        Snapshots.assertMatches(withStripe() ? "security-headers-with-stripe.txt" : "security-headers.txt", snapshot);
    }

    /** Let through, and not broken by the sample values (GET /error answers 500 when called without an error). */
    private static void assertSentToTheLinkForm(MockHttpServletResponse response, String described) {
        assertThat(response.getStatus()).as(described).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).as(described).isEqualTo("/donors/manage");
    }

    private static void assertAllowed(Endpoint endpoint, int status, String described) {
        assertThat(status).as(described).isNotIn(401, 403);
        if (!endpoint.pattern().equals("/error")) {
            assertThat(status).as(described).isLessThan(500);
        }
    }

    /** Whether this context runs with Stripe (the subclass) or with the local test gateway. */
    boolean withStripe() {
        return false;
    }

    private int perform(Endpoint endpoint, Cookie session, String token) throws Exception {
        MockHttpServletRequestBuilder request = call(endpoint);
        if (endpoint.pattern().startsWith("/api/staff/")) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        } else {
            request.cookie(session).with(csrf());
        }
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private MockHttpServletRequestBuilder call(Endpoint endpoint) {
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(endpoint.method()), endpoint.url());
        for (String param : endpoint.params()) {
            request.param(param, param.equals("period") ? "2026-11" : "x");
        }
        if (endpoint.changesState() && endpoint.pattern().startsWith("/api/")) {
            request.contentType("application/json").content("{}");
        }
        return request;
    }

    private Cookie login(String email) throws Exception {
        return StaffAccounts.login(mvc, email, PASSWORD);
    }

    private static Access rule(Endpoint endpoint) {
        Access access = RULES.get(endpoint.key());
        assertThat(access).as("access rule for " + endpoint.key()).isNotNull();
        return access;
    }

    /** Every endpoint of every handler mapping in the application context. */
    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                List<String> params = info.getParamsCondition().getExpressions().stream()
                        .filter(e -> !e.isNegated())
                        .map(e -> e.getName())
                        .toList();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        endpoints.add(new Endpoint("GET", pattern, params));
                    }
                    for (RequestMethod method : methods) {
                        endpoints.add(new Endpoint(method.name(), pattern, params));
                    }
                }
            }
        }
        for (AbstractUrlHandlerMapping mapping :
                context.getBeansOfType(AbstractUrlHandlerMapping.class).values()) {
            mapping.getHandlerMap().keySet().forEach(pattern -> endpoints.add(new Endpoint("GET", pattern, List.of())));
        }
        return endpoints.stream().distinct().toList();
    }
}
