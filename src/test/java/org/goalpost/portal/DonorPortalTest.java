package org.goalpost.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goalpost.payment.stripe.StripeJson.event;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goalpost.campaign.Campaign;
import org.goalpost.donation.CancellationReason;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationInterval;
import org.goalpost.donation.RecurringRevenue;
import org.goalpost.payment.stripe.StripeAppTestBase;
import org.goalpost.payment.stripe.StripeJson;
import org.goalpost.security.StaffUsers;
import org.goalpost.testing.Smtp;
import org.goalpost.testing.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The donor portal end to end, with a real SMTP server and the stubbed Stripe API: a monthly donor
 * asks for a link (the answer is the same for an address that is no donor's, and that one gets no
 * mail), the link works once and not after it expired or was tampered with, and in the session it
 * opens the donor changes the amount, updates the card and cancels, each asked of Stripe; our
 * records change only when Stripe's events come back.
 */
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "goalpost.receipts.poll=1h"})
class DonorPortalTest extends StripeAppTestBase {

    @RegisterExtension
    static final Smtp SMTP = new Smtp();

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    RecurringRevenue recurring;

    @Autowired
    StaffUsers users;

    private static final Pattern LINK =
            Pattern.compile("https://give\\.example\\.org/donors/manage/([A-Za-z0-9_-]{43})\\?lang=(en|de)");

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP.port);
    }

    record Monthly(Campaign campaign, Donation donation, String subscription) {}

    private Monthly monthly(String email) throws Exception {
        return recurring(email, DonationInterval.MONTH, 1_000);
    }

    private Monthly recurring(String email, DonationInterval interval, long amount) throws Exception {
        Campaign campaign = campaign("portal");
        Donation donation = pendingDonation(campaign, interval, amount, email);
        String subscription = id("sub");
        Object stored =
                StripeJson.subscription(subscription, "active", donation.publicId(), amount, "usd", interval.word());
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> object = (java.util.Map<String, Object>) stored;
        object.put("customer", "cus_" + subscription.substring(4));
        STRIPE.putSubscription(object);
        deliver(event(
                        id("evt"),
                        "checkout.session.completed",
                        StripeJson.subscribedSession(subscription, donation.publicId(), amount, email, now()),
                        now()))
                .andExpect(jsonPath("$.result").value("applied"));
        return new Monthly(campaign, donation, subscription);
    }

    private String askForLink(String email) throws Exception {
        return mvc.perform(post("/donors/manage").param("email", email))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String linkFrom(MimeMessage mail) throws Exception {
        Matcher matcher = LINK.matcher(Smtp.body(mail));
        assertThat(matcher.find()).as("a manage link in " + Smtp.body(mail)).isTrue();
        return matcher.group(1);
    }

    /** Pressing Continue with a link that opens nothing signs nobody in and ends on the "no longer works" page. */
    private void refused(String token) throws Exception {
        MvcResult result = mvc.perform(post("/donors/manage/" + token).with(csrf()))
                .andExpect(redirectedUrl("/donors/link-expired?lang=en"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andReturn();
        assertThat(result.getRequest().getSession(false) == null
                        || result.getRequest().getSession(false).getAttribute("GOALPOST_DONOR_SIGN_IN") == null)
                .as("nobody signed in")
                .isTrue();
        mvc.perform(get("/donors/link-expired").param("lang", "en"))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("This link no longer works")));
    }

    /** Opens the link's page (its session and CSRF token), then presses Continue on it, as a browser does. */
    private Cookie signIn(String token) throws Exception {
        MvcResult page = mvc.perform(get("/donors/manage/" + token))
                .andExpect(status().isOk())
                .andReturn();
        Cookie pageSession = StaffAccounts.sessionCookie(page);
        Matcher csrf = CSRF.matcher(page.getResponse().getContentAsString());
        assertThat(csrf.find()).as("the link's page carries a CSRF token").isTrue();
        MvcResult result = mvc.perform(
                        post("/donors/manage/" + token).cookie(pageSession).param("_csrf", csrf.group(1)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/donors/portal?lang=en"))
                .andReturn();
        return StaffAccounts.sessionCookie(result);
    }

    @Test
    void aDonorGetsALinkThatWorksOnceAndNobodyLearnsWhoIsADonor() throws Exception {
        Monthly monthly = monthly("mona@example.org");

        String known = askForLink("Mona@Example.org");
        String unknown = askForLink("nobody@example.org");
        assertThat(known.replace("mona@example.org", "X")).isEqualTo(unknown.replace("nobody@example.org", "X"));
        assertThat(known).contains("If mona@example.org gives monthly or yearly with us, a link is on its way.");

        List<MimeMessage> mail = SMTP.to("mona@example.org", 1);
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).getSubject()).isEqualTo("Your link to manage your donation to Goalpost");
        String token = linkFrom(mail.get(0));
        assertThat(SMTP.after("nobody@example.org", java.time.Duration.ofSeconds(1)))
                .as("no mail to an address without a monthly donation")
                .isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM donor_link WHERE email = 'nobody@example.org'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM donor_link WHERE token_hash = ?")
                        .param(token)
                        .query(Long.class)
                        .single())
                .as("the token itself is not stored")
                .isZero();

        // opening the link (as a mail scanner would) does not use it; a changed token opens nothing
        mvc.perform(get("/donors/manage/" + token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"continue\"")));
        mvc.perform(get("/donors/manage/" + token)).andExpect(status().isOk());
        String tampered = token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A');
        mvc.perform(get("/donors/manage/" + tampered)).andExpect(status().isGone());
        refused(tampered);

        Cookie session = signIn(token);
        refused(token);
        mvc.perform(get("/donors/portal").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(monthly.campaign().title())))
                .andExpect(content().string(containsString("$10 a month")))
                .andExpect(content().string(containsString("data-testid=\"cancel\"")));

        // an expired link opens nothing
        askForLink("mona@example.org");
        String second = linkFrom(SMTP.to("mona@example.org", 2).get(1));
        jdbc.sql("UPDATE donor_link SET expires_at = '2020-01-01 00:00:00' WHERE token_hash = ?")
                .param(DonorLinks.hash(second))
                .update();
        mvc.perform(get("/donors/manage/" + second)).andExpect(status().isGone());
        refused(second);

        mvc.perform(get("/donors/portal")).andExpect(redirectedUrl("/donors/manage"));
        mvc.perform(post("/donors/manage").param("email", "not an address"))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void changesAreAskedOfStripeAndShowWhenStripeReportsThem() throws Exception {
        Monthly monthly = monthly("otto@example.org");
        Monthly someoneElse = monthly("eve@example.org");
        askForLink("otto@example.org");
        Cookie session = signIn(linkFrom(SMTP.to("otto@example.org", 1).get(0)));
        String base = "/donors/portal/" + monthly.donation().publicId();

        // a new amount: asked of Stripe from the next payment on; our records wait for Stripe's event
        mvc.perform(post(base + "/amount").cookie(session).with(csrf()).param("amount", "0.10"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Please enter an amount from")));
        mvc.perform(post(base + "/amount")
                        .cookie(session)
                        .with(csrf())
                        .param("amount", "20")
                        .param("requestKey", "page-key-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Asked: $20 a month from your next payment.")));
        List<LoggedRequest> updates =
                STRIPE.requests(RequestMethod.POST, "/v1/subscriptions/" + monthly.subscription());
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).getBodyAsString())
                .contains("items[0][id]=si_" + monthly.subscription().substring(4))
                .contains("items[0][price_data][unit_amount]=2000")
                .contains("items[0][price_data][product]=prod_")
                .contains("items[0][price_data][recurring][interval]=month")
                .contains("proration_behavior=none");
        assertThat(updates.get(0).getHeader("Idempotency-Key"))
                .isEqualTo("goalpost-amount-" + monthly.donation().publicId() + "-page-key-1");
        assertThat(donations
                        .find(monthly.donation().id())
                        .orElseThrow()
                        .amount()
                        .minor())
                .as("unchanged until Stripe reports it")
                .isEqualTo(1_000);
        deliver(event(id("evt"), "customer.subscription.updated", STRIPE.subscription(monthly.subscription()), now()))
                .andExpect(status().isOk());
        mvc.perform(get("/donors/portal").cookie(session)).andExpect(content().string(containsString("$20 a month")));

        // the card: Stripe's billing portal for the subscription's customer
        mvc.perform(post(base + "/card").cookie(session).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("https://billing.stripe.test/p/session/cus_"
                        + monthly.subscription().substring(4)));
        assertThat(STRIPE.requests(RequestMethod.POST, "/v1/billing_portal/sessions"))
                .singleElement()
                .satisfies(r -> assertThat(r.getBodyAsString())
                        .contains("return_url=https%3A%2F%2Fgive.example.org%2Fdonors%2Fportal"));

        // nobody else's donation, and no change without the session's CSRF token
        mvc.perform(post("/donors/portal/" + someoneElse.donation().publicId() + "/cancel")
                        .cookie(session)
                        .with(csrf())
                        .param("confirm", "yes"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/donors/portal/" + someoneElse.donation().publicId() + "/cancel")
                        .cookie(session)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post(base + "/cancel").cookie(session).param("confirm", "yes"))
                .andExpect(status().isForbidden());

        // cancel: the first press asks, nothing is sent; the second cancels
        mvc.perform(post(base + "/cancel").cookie(session).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Cancel this donation?")))
                .andExpect(content().string(containsString("data-testid=\"cancel-confirm\"")));
        assertThat(STRIPE.requests(RequestMethod.DELETE, "/v1/subscriptions/")).isEmpty();
        mvc.perform(post(base + "/cancel").cookie(session).with(csrf()).param("confirm", "yes"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Asked: this donation ends now")));
        assertThat(STRIPE.requests(RequestMethod.DELETE, "/v1/subscriptions/" + monthly.subscription()))
                .singleElement()
                .satisfies(r -> assertThat(r.getHeader("Idempotency-Key"))
                        .isEqualTo("goalpost-cancel-" + monthly.donation().publicId()));
        deliver(event(id("evt"), "customer.subscription.deleted", STRIPE.subscription(monthly.subscription()), now()))
                .andExpect(status().isOk());
        mvc.perform(get("/donors/portal").cookie(session))
                .andExpect(content().string(containsString("canceled")))
                .andExpect(content().string(not(containsString("data-testid=\"cancel\""))));
        assertThat(testTotals(monthly.campaign()).raisedMinor())
                .as("the portal moved no money")
                .isZero();
    }

    @Test
    void aYearlyDonorSeesAYearlyAmountAndKeepsAYearlyPriceWhenChangingIt() throws Exception {
        Monthly yearly = recurring("yara@example.org", DonationInterval.YEAR, 12_000);
        askForLink("yara@example.org");
        Cookie session = signIn(linkFrom(SMTP.to("yara@example.org", 1).get(0)));
        mvc.perform(get("/donors/portal").cookie(session))
                .andExpect(content().string(containsString("$120 a year")))
                .andExpect(content().string(not(containsString("a month"))));
        mvc.perform(post("/donors/portal/" + yearly.donation().publicId() + "/amount")
                        .cookie(session)
                        .with(csrf())
                        .param("amount", "150")
                        .param("requestKey", "yearly-key-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Asked: $150 a year from your next payment.")));
        assertThat(STRIPE.requests(RequestMethod.POST, "/v1/subscriptions/" + yearly.subscription()))
                .singleElement()
                .satisfies(r -> assertThat(r.getBodyAsString())
                        .contains("items[0][price_data][unit_amount]=15000")
                        .contains("items[0][price_data][recurring][interval]=year"));
        deliver(event(id("evt"), "customer.subscription.updated", STRIPE.subscription(yearly.subscription()), now()))
                .andExpect(status().isOk());
        mvc.perform(get("/donors/portal").cookie(session)).andExpect(content().string(containsString("$150 a year")));
        assertThat(donations.find(yearly.donation().id()).orElseThrow().interval())
                .isEqualTo(DonationInterval.YEAR);
    }

    @Test
    void aMonthlyDonorSwitchesToAYearlyGiftFromTheNextPayment() throws Exception {
        Monthly monthly = monthly("sami@example.org");
        askFrom("sami@example.org", "198.51.100.32");
        Cookie session = signIn(linkFrom(SMTP.to("sami@example.org", 1).get(0)));
        String base = "/donors/portal/" + monthly.donation().publicId();
        mvc.perform(get("/donors/portal").cookie(session))
                .andExpect(content().string(containsString("<option value=\"month\" selected=\"selected\">")));
        mvc.perform(post(base + "/amount")
                        .cookie(session)
                        .with(csrf())
                        .param("amount", "100")
                        .param("interval", "weekly"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Choose every month or every year.")));
        assertThat(STRIPE.requests(RequestMethod.POST, "/v1/subscriptions/" + monthly.subscription()))
                .isEmpty();
        mvc.perform(post(base + "/amount")
                        .cookie(session)
                        .with(csrf())
                        .param("amount", "100")
                        .param("interval", "year")
                        .param("requestKey", "switch-key-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Asked: $100 a year from your next payment.")));
        assertThat(STRIPE.requests(RequestMethod.POST, "/v1/subscriptions/" + monthly.subscription()))
                .singleElement()
                .satisfies(r -> assertThat(r.getBodyAsString())
                        .contains("items[0][price_data][unit_amount]=10000")
                        .contains("items[0][price_data][recurring][interval]=year"));
        assertThat(donations.committedYearly(monthly.campaign().id(), false))
                .as("unchanged until Stripe reports it")
                .isEqualTo(12_000);
        deliver(event(id("evt"), "customer.subscription.updated", STRIPE.subscription(monthly.subscription()), now()))
                .andExpect(status().isOk());
        mvc.perform(get("/donors/portal").cookie(session))
                .andExpect(content().string(containsString("$100 a year")))
                .andExpect(content().string(containsString("<option value=\"year\" selected=\"selected\">")));
        assertThat(donations.find(monthly.donation().id()).orElseThrow().interval())
                .isEqualTo(DonationInterval.YEAR);
        assertThat(donations.committedYearly(monthly.campaign().id(), false)).isEqualTo(10_000);
        assertThat(recurring.of(monthly.campaign(), false).months().get(0).contractionMrrMinor())
                .as("12,000 a year before, 10,000 after: 2,000 / 12 less a month")
                .isEqualTo(167);
    }

    @Test
    void aDonorPausesForTwoMonthsResumesEarlyAndMaySayWhyTheyCancel() throws Exception {
        Monthly monthly = monthly("paula@example.org");
        askFrom("paula@example.org", "198.51.100.31");
        Cookie session = signIn(linkFrom(SMTP.to("paula@example.org", 1).get(0)));
        String base = "/donors/portal/" + monthly.donation().publicId();
        String subscriptionPath = "/v1/subscriptions/" + monthly.subscription();

        // a pause of 1, 2 or 3 months only; anything else is explained and asks nothing of Stripe
        mvc.perform(post(base + "/pause").cookie(session).with(csrf()).param("months", "6"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Choose a pause of 1, 2 or 3 months.")));
        assertThat(STRIPE.requests(RequestMethod.POST, subscriptionPath)).isEmpty();
        long asked = java.time.Instant.now().getEpochSecond();
        mvc.perform(post(base + "/pause")
                        .cookie(session)
                        .with(csrf())
                        .param("months", "2")
                        .param("requestKey", "pause-key-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Asked: no payment until")));
        LoggedRequest pause =
                STRIPE.requests(RequestMethod.POST, subscriptionPath).get(0);
        assertThat(pause.getHeader("Idempotency-Key"))
                .isEqualTo("goalpost-pause-" + monthly.donation().publicId() + "-pause-key-1");
        assertThat(pause.getBodyAsString()).contains("pause_collection[behavior]=void");
        java.util.regex.Matcher resumesAt = java.util.regex.Pattern.compile("pause_collection\\[resumes_at\\]=(\\d+)")
                .matcher(pause.getBodyAsString());
        assertThat(resumesAt.find()).isTrue();
        assertThat(Long.parseLong(resumesAt.group(1)) - asked)
                .as("two calendar months from now")
                .isBetween(59L * 86_400, 62L * 86_400 + 60);
        assertThat(donations.committedMonthly(monthly.campaign().id(), false))
                .as("unchanged until Stripe reports it")
                .isEqualTo(1_000);
        deliver(event(id("evt"), "customer.subscription.updated", STRIPE.subscription(monthly.subscription()), now()))
                .andExpect(status().isOk());
        mvc.perform(get("/donors/portal").cookie(session))
                .andExpect(content().string(containsString("data-testid=\"resume\"")))
                .andExpect(content().string(not(containsString("data-testid=\"pause\""))))
                .andExpect(content().string(containsString(">paused<")));
        assertThat(donations.committedMonthly(monthly.campaign().id(), false)).isZero();
        assertThat(recurring.of(monthly.campaign(), false).paused()).isEqualTo(1);

        // resumed early: the pause is lifted at Stripe, and the donation counts again once Stripe says so
        mvc.perform(post(base + "/resume").cookie(session).with(csrf()).param("requestKey", "resume-key-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Asked: your donation collects again")));
        assertThat(STRIPE.requests(RequestMethod.POST, subscriptionPath))
                .extracting(LoggedRequest::getBodyAsString)
                .hasSize(2)
                .contains("pause_collection=");
        deliver(event(id("evt"), "customer.subscription.updated", STRIPE.subscription(monthly.subscription()), now()))
                .andExpect(status().isOk());
        mvc.perform(get("/donors/portal").cookie(session))
                .andExpect(content().string(containsString("data-testid=\"pause\"")));
        assertThat(donations.committedMonthly(monthly.campaign().id(), false)).isEqualTo(1_000);

        // cancelling asks why (optional): the reason is kept for staff and goes to Stripe as its feedback
        mvc.perform(post(base + "/cancel").cookie(session).with(csrf()))
                .andExpect(content().string(containsString("May we ask why? (optional)")))
                .andExpect(content().string(containsString("value=\"MONEY_TIGHT\"")));
        mvc.perform(post(base + "/cancel")
                        .cookie(session)
                        .with(csrf())
                        .param("confirm", "yes")
                        .param("comment", "x".repeat(501)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Please keep your words to 500 characters")));
        assertThat(STRIPE.requests(RequestMethod.DELETE, subscriptionPath)).isEmpty();
        mvc.perform(post(base + "/cancel")
                        .cookie(session)
                        .with(csrf())
                        .param("confirm", "yes")
                        .param("reason", "MONEY_TIGHT")
                        .param("comment", " Back next year. "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Asked: this donation ends now")));
        LoggedRequest cancel =
                STRIPE.requests(RequestMethod.DELETE, subscriptionPath).get(0);
        assertThat(cancel.getUrl() + " " + cancel.getBodyAsString())
                .contains("cancellation_details[feedback]=too_expensive");
        assertThat(jdbc.sql("SELECT cancel_reason, cancel_comment FROM donation WHERE id = ?")
                        .param(monthly.donation().id())
                        .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2))
                        .single())
                .isEqualTo("MONEY_TIGHT|Back next year.");
        assertThat(recurring.of(monthly.campaign(), false).cancellationReasons())
                .containsEntry(CancellationReason.MONEY_TIGHT, 1L);
    }

    @Test
    void theRequestPageSpeaksGermanAndMakesNoSession() throws Exception {
        MvcResult page = mvc.perform(get("/donors/manage").param("lang", "de"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ihre monatliche oder jährliche Spende verwalten")))
                .andExpect(content().string(not(containsString("_csrf"))))
                .andReturn();
        assertThat(page.getResponse().getHeaders("Set-Cookie")).isEmpty();
        mvc.perform(post("/donors/manage")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("email=nobody%40example.org&lang=de"))
                .andExpect(content()
                        .string(containsString("Falls nobody@example.org bei uns monatlich oder jährlich spendet")));
    }

    @Test
    void aDonorSignInNeitherReplacesNorEndsAStaffLoginInTheSameBrowser() throws Exception {
        users.create("editor.and.donor@newsroom.test", "Editor", "Quiet-heron-counts-9-pebbles", "admin");
        Cookie staff = StaffAccounts.login(mvc, "editor.and.donor@newsroom.test", "Quiet-heron-counts-9-pebbles");
        monthly("kim@example.org");
        askForLink("kim@example.org");
        String token = linkFrom(SMTP.to("kim@example.org", 1).get(0));
        MvcResult page = mvc.perform(get("/donors/manage/" + token).cookie(staff))
                .andExpect(status().isOk())
                .andReturn();
        Matcher csrf = CSRF.matcher(page.getResponse().getContentAsString());
        assertThat(csrf.find()).isTrue();
        MvcResult signedIn = mvc.perform(
                        post("/donors/manage/" + token).cookie(staff).param("_csrf", csrf.group(1)))
                .andExpect(redirectedUrl("/donors/portal?lang=en"))
                .andReturn();
        Cookie both = StaffAccounts.sessionCookie(signedIn);
        assertThat(both.getValue()).as("a new session id on sign-in").isNotEqualTo(staff.getValue());
        mvc.perform(get("/donors/portal").cookie(both))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("$10 a month")));
        mvc.perform(get("/staff").cookie(both)).andExpect(status().isOk());

        MvcResult portal = mvc.perform(get("/donors/portal").cookie(both)).andReturn();
        Matcher portalCsrf = CSRF.matcher(portal.getResponse().getContentAsString());
        assertThat(portalCsrf.find()).isTrue();
        mvc.perform(post("/donors/portal/sign-out").cookie(both).param("_csrf", portalCsrf.group(1)))
                .andExpect(redirectedUrl("/donors/signed-out?lang=en"));
        mvc.perform(get("/donors/portal").cookie(both)).andExpect(redirectedUrl("/donors/manage"));
        mvc.perform(get("/staff").cookie(both)).andExpect(status().isOk()); // the staff login is still there
    }

    @Test
    void anotherSiteCannotSignAReaderIntoAPortalAndADonorCanSignOut() throws Exception {
        monthly("ivy@example.org");
        askForLink("ivy@example.org");
        String token = linkFrom(SMTP.to("ivy@example.org", 1).get(0));
        // a form on another site posting the attacker's own link: no CSRF token of the link's page, refused, the link
        // unused
        mvc.perform(post("/donors/manage/" + token).header("Origin", "https://attacker.example"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/donors/manage/" + token).with(csrf().useInvalidToken()))
                .andExpect(status().isForbidden());
        Cookie session = signIn(token);
        mvc.perform(get("/donors/portal").cookie(session))
                .andExpect(content().string(containsString("data-testid=\"sign-out\"")));
        mvc.perform(post("/donors/portal/sign-out").cookie(session).with(csrf()))
                .andExpect(redirectedUrl("/donors/signed-out?lang=en"));
        mvc.perform(get("/donors/signed-out").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("You are signed out")));
        mvc.perform(get("/donors/portal").cookie(session)).andExpect(redirectedUrl("/donors/manage"));
    }

    @Test
    void aLookAlikeAddressGetsNoLinkToSomeoneElsesDonation() throws Exception {
        monthly("example@example.org");
        askForLink("ex\u00e4mple@example.org");
        askForLink("EXAMPLE@example.org ");
        List<MimeMessage> mails = SMTP.to("example@example.org", 1);
        assertThat(mails)
                .as("the exact address (after trimming and lower case) gets its link")
                .hasSize(1);
        assertThat(SMTP.after("ex\u00e4mple@example.org", java.time.Duration.ofMillis(500)))
                .isEmpty();
        assertThat(jdbc.sql("SELECT email FROM donor_link ORDER BY id DESC")
                        .query(String.class)
                        .list()
                        .get(0))
                .isEqualTo("example@example.org");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM donor_link WHERE email <> 'example@example.org' AND "
                                + "email LIKE 'ex%mple@example.org'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private void askFrom(String email, String client) throws Exception {
        mvc.perform(post("/donors/manage").param("email", email).with(request -> {
                    request.setRemoteAddr(client);
                    return request;
                }))
                .andExpect(status().isOk());
    }

    @Test
    void aClientOverItsOwnLimitCannotUseUpSomeoneElsesLinks() throws Exception {
        monthly("victim@example.org");
        // one client, spread over its /64, spends its ten requests an hour, then asks for the victim's link again and
        // again
        for (int i = 1; i <= 10; i++) {
            askFrom("someone" + i + "@example.org", "2001:db8:77:1::" + Integer.toHexString(i));
        }
        for (int i = 0; i < 5; i++) {
            askFrom("victim@example.org", "2001:db8:77:1:ffff::" + Integer.toHexString(i + 1));
        }
        assertThat(SMTP.after("victim@example.org", java.time.Duration.ofMillis(500)))
                .as("the client is over its own limit")
                .isEmpty();
        // the victim, from home, still gets a link: the refused requests spent nothing of the address's three
        askFrom("victim@example.org", "198.51.100.44");
        assertThat(SMTP.to("victim@example.org", 1)).hasSize(1);
    }

    @Test
    void theSameAmountAskedAgainLaterIsANewChangeNotAReplay() throws Exception {
        Monthly monthly = monthly("yo@example.org");
        askForLink("yo@example.org");
        Cookie session = signIn(linkFrom(SMTP.to("yo@example.org", 1).get(0)));
        String base = "/donors/portal/" + monthly.donation().publicId();
        for (String[] press :
                new String[][] {{"20", "page-key-a"}, {"20", "page-key-a"}, {"15", "page-key-b"}, {"20", "page-key-c"}
                }) {
            mvc.perform(post(base + "/amount")
                            .cookie(session)
                            .with(csrf())
                            .param("amount", press[0])
                            .param("requestKey", press[1]))
                    .andExpect(status().isOk());
        }
        List<String> keys = STRIPE.requests(RequestMethod.POST, "/v1/subscriptions/" + monthly.subscription()).stream()
                .map(r -> r.getHeader("Idempotency-Key"))
                .toList();
        String prefix = "goalpost-amount-" + monthly.donation().publicId() + "-";
        assertThat(keys)
                .containsExactlyInAnyOrder(
                        prefix + "page-key-a", prefix + "page-key-a", prefix + "page-key-b", prefix + "page-key-c");
    }
}
