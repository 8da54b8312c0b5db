package org.goalpost.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.goalpost.shared.web.InvalidInputException;
import org.goalpost.testing.AppTest;
import org.goalpost.testing.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Form login, throttling, sessions that end when they must, and the password policy, through the real filter chain. */
@AppTest
@TestPropertySource(
        properties = {
            StaffAccounts.ADMIN_EMAIL_SETTING,
            StaffAccounts.ADMIN_PASSWORD_SETTING,
            StaffAccounts.ADMIN_TOKEN_SETTING
        })
class StaffLoginTest {

    private static final String PASSWORD = "Quiet-heron-folds-31-maps";
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @SuppressWarnings("rawtypes")
    org.springframework.session.SessionRepository sessions;

    /** A new staff account of its own for each test, so that locks and sessions do not leak between tests. */
    private String newStaff(String role) {
        String email = "staff-" + UUID.randomUUID().toString().substring(0, 8) + "@newsroom.test";
        users.create(email, "Someone", PASSWORD, role);
        return email;
    }

    /**
     * Each attempt from its own client address unless told otherwise, so that the address limit stays out of
     * the way.
     */
    private static String freshAddress() {
        int n = ADDRESSES.getAndIncrement();
        return "10.1." + (n / 250) + "." + (n % 250 + 1);
    }

    private MvcResult attempt(String email, String password, String address) throws Exception {
        return mvc.perform(post("/login")
                        .param("username", email)
                        .param("password", password)
                        .with(csrf())
                        .with(request -> {
                            request.setRemoteAddr(address);
                            return request;
                        }))
                .andReturn();
    }

    private long audited(String actor, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = ?")
                .params(actor, action)
                .query(Long.class)
                .single();
    }

    @Test
    void theBootstrapAdminLogsInWithANewSessionIdAndLogsOut() throws Exception {
        Cookie before = StaffAccounts.sessionCookie(mvc.perform(get("/staff")).andReturn());
        MvcResult login = mvc.perform(post("/login")
                        .cookie(before)
                        .param("username", StaffAccounts.ADMIN_EMAIL)
                        .param("password", StaffAccounts.PASSWORD)
                        .with(csrf()))
                .andReturn();
        Cookie session = StaffAccounts.sessionCookie(login);
        assertThat(session.getValue())
                .as("session fixation: the id changes at login")
                .isNotEqualTo(before.getValue());
        assertThat(mvc.perform(get("/staff").cookie(before))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .as("the id from before the login opens nothing")
                .endsWith("/login");
        assertThat(login.getResponse().getRedirectedUrl())
                .as("back to where the user was heading")
                .endsWith("/staff?continue");
        assertThat(mvc.perform(get("/staff").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
        assertThat(audited(StaffAccounts.ADMIN_EMAIL, "login.succeeded")).isPositive();

        MvcResult logout =
                mvc.perform(post("/logout").cookie(session).with(csrf())).andReturn();
        assertThat(logout.getResponse().getRedirectedUrl()).isEqualTo("/login?logout");
        assertThat(mvc.perform(get("/staff").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .endsWith("/login");
    }

    @Test
    void aWrongPasswordAndAnUnknownAccountLookTheSame() throws Exception {
        String email = newStaff("staff");
        MvcResult wrongPassword = attempt(email, "Not-the-password-at-all", freshAddress());
        MvcResult unknownAccount =
                attempt("nobody-" + UUID.randomUUID() + "@newsroom.test", "Not-the-password-at-all", freshAddress());
        assertThat(wrongPassword.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(unknownAccount.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        String page = mvc.perform(get("/login?error")).andReturn().getResponse().getContentAsString();
        assertThat(page)
                .contains("Wrong email or password, or too many attempts")
                .doesNotContainIgnoringCase("no such")
                .doesNotContainIgnoringCase("locked")
                .doesNotContainIgnoringCase("disabled");
        assertThat(audited(email, "login.failed"))
                .as("a typed name is never the actor")
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor = 'anonymous' AND action = "
                                + "'login.failed' AND details LIKE ?")
                        .param("attempted: " + email + " %")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private Instant lockedUntil(String email, String client) {
        return jdbc.sql("SELECT locked_until FROM staff_login_failure WHERE email = ? AND client_key = ?")
                .params(email, client)
                .query((rs, n) -> org.goalpost.shared.db.DbTime.read(rs, "locked_until"))
                .single();
    }

    @Test
    void aClientThatFailsFiveTimesIsLockedOutOfThatAccountWhileTheOwnerStillGetsIn() throws Exception {
        String email = newStaff("staff");
        String attacker = freshAddress();
        for (int i = 0; i < LoginThrottle.PAIR_FREE_FAILURES; i++) {
            assertThat(attempt(email, "Guess-number-" + i + "-wrong", attacker)
                            .getResponse()
                            .getRedirectedUrl())
                    .isEqualTo("/login?error");
        }
        Instant lock = lockedUntil(email, attacker);
        assertThat(lock)
                .isAfter(Instant.now().plusSeconds(50))
                .isBefore(Instant.now().plusSeconds(70));
        assertThat(attempt(email, PASSWORD, attacker).getResponse().getRedirectedUrl())
                .as("the right password from the locked client")
                .isEqualTo("/login?error");
        // knocking on a lock does not extend it: an hour of attempts, one a minute, leaves it as it was
        for (int i = 0; i < 10; i++) {
            attempt(email, "Still-guessing-" + i, attacker);
        }
        assertThat(lockedUntil(email, attacker))
                .as("not extended by attempts made while locked")
                .isEqualTo(lock);
        assertThat(jdbc.sql("SELECT failures FROM staff_login_failure WHERE email = ? AND client_key = ?")
                        .params(email, attacker)
                        .query(Integer.class)
                        .single())
                .isEqualTo(LoginThrottle.PAIR_FREE_FAILURES);
        // the owner, from their own device, gets in at once
        assertThat(attempt(email, PASSWORD, freshAddress()).getResponse().getRedirectedUrl())
                .endsWith("/staff");

        // when the lock has run out, the attacker is back to one guess, and the next failure locks it for two minutes
        jdbc.sql("UPDATE staff_login_failure SET locked_until = ? WHERE email = ?")
                .params("2000-01-01 00:00:00", email)
                .update();
        attempt(email, "One-more-guess", attacker);
        assertThat(lockedUntil(email, attacker)).isAfter(Instant.now().plusSeconds(110));
    }

    @Test
    void anIpv6ClientCannotDodgeLimitsWithOtherAddressesOfItsSlash64() throws Exception {
        String email = newStaff("staff");
        int n = ADDRESSES.getAndIncrement();
        for (int i = 1; i <= LoginThrottle.PAIR_FREE_FAILURES; i++) {
            attempt(email, "Guess-" + i, "2001:db8:" + n + ":7::" + Integer.toHexString(i));
        }
        assertThat(attempt(email, PASSWORD, "2001:db8:" + n + ":7:ffff:ffff:ffff:fffe")
                        .getResponse()
                        .getRedirectedUrl())
                .as("another address of the same /64")
                .isEqualTo("/login?error");
        assertThat(attempt(email, PASSWORD, "2001:db8:" + n + ":8::1")
                        .getResponse()
                        .getRedirectedUrl())
                .as("the next /64: somebody else")
                .endsWith("/staff");
    }

    @Test
    void anAddressThatFailsTwentyTimesIsRefusedEvenForARealAccount() throws Exception {
        String email = newStaff("staff");
        String address = freshAddress();
        for (int i = 0; i < LoginThrottle.CLIENT_LIMIT; i++) {
            attempt("guess-" + i + "@newsroom.test", "Some-guess-" + i, address);
        }
        assertThat(attempt(email, PASSWORD, address).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
        assertThat(attempt(email, PASSWORD, freshAddress()).getResponse().getRedirectedUrl())
                .as("the same account from another address")
                .endsWith("/staff");
    }

    @Test
    void disablingAnAccountEndsItsSessionsAtTheNextRequest() throws Exception {
        String email = newStaff("staff");
        Cookie session = StaffAccounts.login(mvc, email, PASSWORD);
        assertThat(mvc.perform(get("/staff/donations").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);

        long id = users.all().stream()
                .filter(u -> u.email().equals(email))
                .findFirst()
                .orElseThrow()
                .id();
        users.update(id, "Someone", "staff", false, null);

        MvcResult after = mvc.perform(get("/staff/donations").cookie(session)).andReturn();
        assertThat(after.getResponse().getRedirectedUrl()).isEqualTo("/login?expired");
        assertThat(attempt(email, PASSWORD, freshAddress()).getResponse().getRedirectedUrl())
                .isEqualTo("/login?error");
    }

    @Test
    void aRoleChangeOrPasswordResetAlsoEndsSessions() throws Exception {
        String email = newStaff("staff");
        long id = users.all().stream()
                .filter(u -> u.email().equals(email))
                .findFirst()
                .orElseThrow()
                .id();
        Cookie first = StaffAccounts.login(mvc, email, PASSWORD);
        users.update(id, "Someone", "admin", true, null);
        assertThat(mvc.perform(get("/staff").cookie(first))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?expired");

        Cookie second = StaffAccounts.login(mvc, email, PASSWORD);
        users.update(id, "Someone", "admin", true, "Brand-new-pass-77-words");
        assertThat(mvc.perform(get("/staff").cookie(second))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?expired");
        StaffAccounts.login(mvc, email, "Brand-new-pass-77-words");
    }

    /**
     * The login time kept in the stored session (Spring Session JDBC) of a cookie; changed when {@code set} is
     * given.
     */
    @SuppressWarnings("unchecked")
    private long storedLoginAt(Cookie cookie, Long set) {
        String id = new String(
                java.util.Base64.getDecoder().decode(cookie.getValue()), java.nio.charset.StandardCharsets.UTF_8);
        org.springframework.session.Session stored = sessions.findById(id);
        assertThat(stored).as("session " + id + " in the database").isNotNull();
        if (set != null) {
            stored.setAttribute(StaffSessionFilter.LOGIN_AT, set);
            sessions.save(stored);
        }
        return (Long) stored.getAttribute(StaffSessionFilter.LOGIN_AT);
    }

    @Test
    void aSessionEndsEightHoursAfterLoginWhateverItsActivity() throws Exception {
        Cookie session = StaffAccounts.login(mvc, newStaff("staff"), PASSWORD);
        long loginAt = storedLoginAt(session, null);
        storedLoginAt(session, loginAt - StaffSessionFilter.ABSOLUTE_TIMEOUT.toMillis() + 60_000);
        assertThat(mvc.perform(get("/staff").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .as("7 h 59 min")
                .isEqualTo(200);
        storedLoginAt(session, loginAt - StaffSessionFilter.ABSOLUTE_TIMEOUT.toMillis() - 1_000);
        assertThat(mvc.perform(get("/staff").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .isEqualTo("/login?expired");
    }

    @Test
    void theLastEnabledAdminCanBeNeitherDisabledNorDemoted() {
        long admin = users.all().stream()
                .filter(u -> u.email().equals(StaffAccounts.ADMIN_EMAIL))
                .findFirst()
                .orElseThrow()
                .id();
        long admins = users.all().stream()
                .filter(u -> u.role() == StaffRole.ADMIN && u.enabled())
                .count();
        if (admins == 1) {
            assertThatThrownBy(() -> users.update(admin, "Administrator", "admin", false, null))
                    .isInstanceOf(InvalidInputException.class);
            assertThatThrownBy(() -> users.update(admin, "Administrator", "staff", true, null))
                    .isInstanceOf(InvalidInputException.class);
            assertThat(users.find(admin).orElseThrow().enabled()).isTrue();
        }
        String other = newStaff("admin");
        long otherId = users.all().stream()
                .filter(u -> u.email().equals(other))
                .findFirst()
                .orElseThrow()
                .id();
        users.update(otherId, "Someone", "staff", true, null);
        assertThat(users.find(otherId).orElseThrow().role()).isEqualTo(StaffRole.STAFF);
    }

    @Test
    void aRejectedUserFormKeepsWhatWasTypedAndWritesNothing() throws Exception {
        Cookie admin = StaffAccounts.loginAsAdmin(mvc);
        int before = users.all().size();
        String email = "new.colleague@newsroom.test";
        MvcResult tooShort = mvc.perform(post("/staff/users")
                        .cookie(admin)
                        .with(csrf())
                        .param("email", email)
                        .param("displayName", "New Colleague")
                        .param("role", "staff")
                        .param("password", "short-one"))
                .andReturn();
        assertThat(tooShort.getResponse().getStatus()).isEqualTo(422);
        assertThat(tooShort.getResponse().getContentAsString())
                .contains("use at least 12 characters")
                .contains(email)
                .contains("New Colleague");
        MvcResult common = mvc.perform(post("/staff/users")
                        .cookie(admin)
                        .with(csrf())
                        .param("email", email)
                        .param("role", "staff")
                        .param("password", "1q2w3e4r1234"))
                .andReturn();
        assertThat(common.getResponse().getStatus()).isEqualTo(422);
        assertThat(common.getResponse().getContentAsString()).contains("one of the most common passwords");
        assertThat(users.all()).hasSize(before);

        // a rejected new password changes nothing else either (the role stays)
        String existing = newStaff("staff");
        long id = users.all().stream()
                .filter(u -> u.email().equals(existing))
                .findFirst()
                .orElseThrow()
                .id();
        MvcResult rejected = mvc.perform(post("/staff/users/" + id)
                        .cookie(admin)
                        .with(csrf())
                        .param("role", "admin")
                        .param("enabled", "true")
                        .param("password", "tiny"))
                .andReturn();
        assertThat(rejected.getResponse().getStatus()).isEqualTo(422);
        assertThat(users.find(id).orElseThrow().role()).isEqualTo(StaffRole.STAFF);
    }

    @Test
    void thePasswordPolicy() {
        PasswordPolicy policy = new PasswordPolicy();
        assertThatThrownBy(() -> policy.check("password", "elevenchars", "a@b.org"))
                .hasMessageContaining("at least 12");
        policy.check("password", "twelve chars", "a@b.org");
        policy.check("password", "x".repeat(72), "a@b.org");
        assertThatThrownBy(() -> policy.check("password", "x".repeat(73), "a@b.org"))
                .hasMessageContaining("at most 72 bytes");
        // multibyte: 36 × ü is 72 bytes (taken), 37 × ü is 74 (refused, saying so), 18 emoji are 72 bytes
        policy.check("password", "\u00fc".repeat(36), "a@b.org");
        assertThatThrownBy(() -> policy.check("password", "\u00fc".repeat(37), "a@b.org"))
                .hasMessageContaining("this one has 74");
        policy.check("password", "\uD83D\uDD12".repeat(18), "a@b.org");
        assertThatThrownBy(() -> policy.check("password", "1Q2W3E4R1234", "a@b.org"))
                .hasMessageContaining("common");
        assertThatThrownBy(() -> policy.check("password", "marianne-rocks-2026", "marianne@newsroom.test"))
                .hasMessageContaining("email name");
        assertThat(policy.isCommon("123456789012")).isTrue();
    }

    private long idOf(String email) {
        return users.all().stream()
                .filter(u -> u.email().equals(email))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private int call(String secret, String path) throws Exception {
        return mvc.perform(get(path).header("Authorization", "Bearer " + secret))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void apiTokensStopTheMomentTheirOwnerIsDemotedOrDisabledAndExpire() throws Exception {
        String email = newStaff("admin");
        long id = idOf(email);
        Cookie session = StaffAccounts.login(mvc, email, PASSWORD);
        String page = mvc.perform(post("/staff/tokens")
                        .cookie(session)
                        .with(csrf())
                        .param("name", "import script")
                        .param("role", "admin"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String admin = page.replaceAll("(?s).*<code>(gp_[A-Za-z0-9]+)</code>.*", "$1");
        String staffToken = mvc.perform(post("/staff/tokens")
                        .cookie(session)
                        .with(csrf())
                        .param("name", "dashboard")
                        .param("role", "staff")
                        .param("expiresInDays", "7"))
                .andReturn()
                .getResponse()
                .getContentAsString()
                .replaceAll("(?s).*<code>(gp_[A-Za-z0-9]+)</code>.*", "$1");
        assertThat(page).as("the default expiry is shown").contains("in 90 days");
        assertThat(call(admin, "/api/staff/privacy?email=x@example.org")).isEqualTo(200);
        assertThat(call(staffToken, "/api/staff/campaigns")).isEqualTo(200);
        assertThat(jdbc.sql("SELECT expires_at FROM api_token WHERE name = 'import script' AND created_by = ?")
                        .param(email)
                        .query((rs, n) -> org.goalpost.shared.db.DbTime.read(rs, "expires_at"))
                        .single())
                .isBetween(
                        Instant.now().plus(java.time.Duration.ofDays(89)),
                        Instant.now().plus(java.time.Duration.ofDays(91)));
        assertThat(jdbc.sql("SELECT last_used_at FROM api_token WHERE name = 'import script' AND created_by = ?")
                        .param(email)
                        .query((rs, n) -> org.goalpost.shared.db.DbTime.read(rs, "last_used_at"))
                        .single())
                .isNotNull();

        // demoted: the admin token stops at once, for everything; the staff token goes on
        users.update(id, "Someone", "staff", true, null);
        assertThat(call(admin, "/api/staff/privacy?email=x@example.org")).isEqualTo(401);
        assertThat(call(admin, "/api/staff/campaigns")).isEqualTo(401);
        assertThat(call(staffToken, "/api/staff/campaigns")).isEqualTo(200);
        // disabled: nothing of theirs works
        users.update(id, "Someone", "staff", false, null);
        assertThat(call(staffToken, "/api/staff/campaigns")).isEqualTo(401);
        users.update(id, "Someone", "staff", true, null);
        assertThat(call(staffToken, "/api/staff/campaigns")).isEqualTo(200);
        // expired
        jdbc.sql("UPDATE api_token SET expires_at = '2020-01-01 00:00:00' WHERE name = 'dashboard' AND created_by = ?")
                .param(email)
                .update();
        assertThat(call(staffToken, "/api/staff/campaigns")).isEqualTo(401);
        // the bootstrap token from the environment has no owner and no expiry: the documented exception
        assertThat(call(StaffAccounts.ADMIN_TOKEN, "/api/staff/privacy?email=x@example.org"))
                .isEqualTo(200);
        String list = mvc.perform(get("/staff/tokens").cookie(StaffAccounts.loginAsAdmin(mvc)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list)
                .contains("none (from the environment)")
                .contains("stopped: its owner is disabled or no longer holds its role")
                .contains("stopped: expired");
    }

    @Test
    void passwordsLongerThanBcryptTakesAreRefusedClearlyAndNeverAnError() throws Exception {
        Cookie admin = StaffAccounts.loginAsAdmin(mvc);
        String email = "long-" + UUID.randomUUID().toString().substring(0, 8) + "@newsroom.test";
        mvc.perform(post("/staff/users")
                        .cookie(admin)
                        .with(csrf())
                        .param("email", email)
                        .param("displayName", "Long")
                        .param("password", "Ein-sehr-langes-Passwort-mit-\u00fc".repeat(4))
                        .param("role", "staff"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("at most 72 bytes")));
        assertThat(users.all()).noneMatch(u -> u.email().equals(email));
        // a multibyte password that fits is taken, and works
        String fits = "\u00fcber-m\u00e4\u00dfig-".repeat(4);
        users.create(email, "Long", fits, "staff");
        assertThat(attempt(email, fits, freshAddress()).getResponse().getRedirectedUrl())
                .endsWith("/staff");
        // typing a too-long password at the login is a wrong password, not a server error
        MvcResult tooLong = attempt(email, "x".repeat(200), freshAddress());
        assertThat(tooLong.getResponse().getStatus()).isEqualTo(302);
        assertThat(tooLong.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
    }

    @Test
    void aLinkNeverSwitchesBetweenLiveAndTestMoneyOnlyThePageSwitchDoes() throws Exception {
        Cookie session = StaffAccounts.loginAsAdmin(mvc);
        String banner = "TEST DATA: you are looking at test money.";
        assertThat(mvc.perform(get("/staff").param("mode", "live").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .as("a GET with ?mode= changes nothing")
                .contains(banner);
        assertThat(mvc.perform(get("/staff").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains(banner);
        mvc.perform(post("/staff/mode").cookie(session).param("mode", "live").param("back", "/staff/donations"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/mode")
                        .cookie(session)
                        .with(csrf())
                        .param("mode", "live")
                        .param("back", "https://elsewhere.example/x"))
                .andExpect(status().isFound())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/staff"));
        assertThat(mvc.perform(get("/staff").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain(banner);
        mvc.perform(post("/staff/mode")
                        .cookie(session)
                        .with(csrf())
                        .param("mode", "test")
                        .param("back", "/staff/donations"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl(
                        "/staff/donations"));
        assertThat(mvc.perform(get("/staff").cookie(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains(banner);
    }
}
