package org.goalpost.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goalpost.payment.stripe.StripeJson.event;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goalpost.campaign.Campaign;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationInterval;
import org.goalpost.payment.stripe.StripeAppTestBase;
import org.goalpost.payment.stripe.StripeJson;
import org.goalpost.testing.Smtp;
import org.goalpost.testing.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A failed instalment's notice carries a card link (issue 12), against a real SMTP server and the stubbed Stripe
 * API: the link opens a page with one button (fetching it uses nothing), the button opens Stripe's billing portal
 * straight on the card form of that donation's customer and comes back to a thank-you page; the link works once,
 * not after its 7 days, not changed, and not for a donation that ended; a Stripe failure gives the link back.
 */
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "goalpost.receipts.poll=1h"})
class CardLinkTest extends StripeAppTestBase {

    @RegisterExtension
    static final Smtp SMTP = new Smtp();

    private static final Pattern LINK =
            Pattern.compile("https://give\\.example\\.org/donors/card/([A-Za-z0-9_-]{43})\\?lang=(en|de)");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP.port);
    }

    private record Failed(Donation donation, String subscription, String token, MimeMessage mail) {}

    /** A yearly or monthly donor whose next instalment fails: the notice, and the card link in it. */
    private Failed failedInstalment(String email, DonationInterval interval) throws Exception {
        Campaign campaign = campaign("cardlink");
        Donation donation = pendingDonation(campaign, interval, 6_000, email);
        String subscription = id("sub");
        Map<String, Object> object =
                StripeJson.subscription(subscription, "active", donation.publicId(), 6_000, "usd", interval.word());
        object.put("customer", "cus_" + subscription.substring(4));
        STRIPE.putSubscription(object);
        deliver(event(
                        id("evt"),
                        "checkout.session.completed",
                        StripeJson.subscribedSession(subscription, donation.publicId(), 6_000, null, now()),
                        now()))
                .andExpect(jsonPath("$.result").value("applied"));
        Map<String, Object> failed = StripeJson.invoice(
                id("in"), subscription, donation.publicId(), 0, "usd", "subscription_cycle", null, now());
        deliver(event(id("evt"), "invoice.payment_failed", failed, now())).andExpect(status().isOk());
        List<MimeMessage> mail = SMTP.to(email, 1);
        assertThat(mail).hasSize(1);
        Matcher link = LINK.matcher(Smtp.body(mail.get(0)));
        assertThat(link.find()).as("a card link in " + Smtp.body(mail.get(0))).isTrue();
        return new Failed(donation, subscription, link.group(1), mail.get(0));
    }

    /** Opens the link's page and presses its button, as a browser does. */
    private MvcResult press(String token) throws Exception {
        MvcResult page = mvc.perform(get("/donors/card/" + token).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"continue\"")))
                .andReturn();
        Cookie session = StaffAccounts.sessionCookie(page);
        Matcher csrf = CSRF.matcher(page.getResponse().getContentAsString());
        assertThat(csrf.find()).as("the link's page carries a CSRF token").isTrue();
        return mvc.perform(post("/donors/card/" + token)
                        .cookie(session)
                        .param("_csrf", csrf.group(1))
                        .param("lang", "en"))
                .andReturn();
    }

    @Test
    void theNoticeOfAFailedInstalmentOpensStripesCardFormOnce() throws Exception {
        Failed failed = failedInstalment("yuki@example.org", DonationInterval.YEAR);
        assertThat(failed.mail().getSubject()).startsWith("Your yearly donation to ");
        assertThat(Smtp.body(failed.mail()))
                .contains("this year's payment of your yearly donation did not go through")
                .contains("If your card has changed or expired, update it here (the link works once, for 7 days):")
                .doesNotContain("reply to this email");
        assertThat(jdbc.sql("SELECT donation_id FROM card_link WHERE token_hash = ?")
                        .param(LinkTokens.hash(failed.token()))
                        .query(Long.class)
                        .single())
                .as("only the token's hash is stored, with the donation it opens")
                .isEqualTo(failed.donation().id());

        // fetching the page (a mail scanner) uses nothing; a changed token opens nothing
        mvc.perform(get("/donors/card/" + failed.token())).andExpect(status().isOk());
        String tampered = failed.token().substring(0, 42) + (failed.token().charAt(42) == 'A' ? 'B' : 'A');
        mvc.perform(get("/donors/card/" + tampered))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("Card links work once and for 7 days")));
        assertThat(STRIPE.requests(RequestMethod.POST, "/v1/billing_portal/sessions"))
                .isEmpty();

        MvcResult pressed = press(failed.token());
        assertThat(pressed.getResponse().getStatus()).isEqualTo(302);
        assertThat(pressed.getResponse().getRedirectedUrl())
                .isEqualTo("https://billing.stripe.test/p/session/cus_"
                        + failed.subscription().substring(4));
        String asked = URLDecoder.decode(
                STRIPE.requests(RequestMethod.POST, "/v1/billing_portal/sessions")
                        .get(0)
                        .getBodyAsString(),
                StandardCharsets.UTF_8);
        assertThat(asked)
                .contains("customer=cus_" + failed.subscription().substring(4))
                .contains("flow_data[type]=payment_method_update")
                .contains("flow_data[after_completion][type]=redirect")
                .contains("flow_data[after_completion][redirect][return_url]="
                        + "https://give.example.org/donors/card-updated?lang=en");
        mvc.perform(get("/donors/card-updated").param("lang", "de"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ihre neue Karte ist bei Stripe gespeichert")));

        // used: the page and the button open nothing more, and Stripe is not asked again
        mvc.perform(get("/donors/card/" + failed.token())).andExpect(status().isGone());
        mvc.perform(
                        post("/donors/card/" + failed.token())
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isGone());
        assertThat(STRIPE.requests(RequestMethod.POST, "/v1/billing_portal/sessions"))
                .hasSize(1);
        // no press without the page's CSRF token
        mvc.perform(post("/donors/card/" + tampered)).andExpect(status().isForbidden());
    }

    @Test
    void anExpiredLinkOrAnEndedDonationOpensNothingAndAStripeFailureGivesTheLinkBack() throws Exception {
        Failed monthly = failedInstalment("omar@example.org", DonationInterval.MONTH);
        assertThat(monthly.mail().getSubject()).startsWith("Your monthly donation to ");

        // Stripe cannot open its page (the subscription is unknown there): an error, and the link still works
        STRIPE.reset();
        MvcResult failing = press(monthly.token());
        assertThat(failing.getResponse().getStatus()).isIn(502, 503);
        assertThat(failing.getResponse().getContentAsString()).contains("data-testid=\"error\"");
        mvc.perform(get("/donors/card/" + monthly.token())).andExpect(status().isOk());

        // the subscription ends: the link opens nothing (and uses itself up)
        Map<String, Object> canceled = StripeJson.subscription(
                monthly.subscription(), "canceled", monthly.donation().publicId(), 6_000, "usd", "month");
        STRIPE.putSubscription(canceled);
        deliver(event(id("evt"), "customer.subscription.deleted", canceled, now()))
                .andExpect(status().isOk());
        MvcResult ended = press(monthly.token());
        assertThat(ended.getResponse().getStatus()).isEqualTo(410);

        // a week later a link opens nothing
        Failed other = failedInstalment("ines@example.org", DonationInterval.MONTH);
        jdbc.sql("UPDATE card_link SET expires_at = '2020-01-01 00:00:00' WHERE token_hash = ?")
                .param(LinkTokens.hash(other.token()))
                .update();
        mvc.perform(get("/donors/card/" + other.token())).andExpect(status().isGone());
        assertThat(STRIPE.requests(RequestMethod.POST, "/v1/billing_portal/sessions"))
                .isEmpty();
    }
}
