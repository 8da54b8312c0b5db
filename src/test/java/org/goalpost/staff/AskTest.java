package org.goalpost.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goalpost.campaign.Ask;
import org.goalpost.campaign.Campaign;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationInterval;
import org.goalpost.payment.stripe.StripeAppTestBase;
import org.goalpost.testing.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * The ask end to end (issue 14): staff set it on the ask page or through the API (bad input refused with every field
 * named, nothing changed, each change audited), and the donate form offers it: the frequencies as tabs, the chosen
 * frequency's amounts with its preselected one checked, the impact line, the headline and the accent colour. The
 * thanks page says what the gift was and offers a one-time donor a monthly gift in one click.
 */
@TestPropertySource(
        properties = {
            StaffAccounts.ADMIN_EMAIL_SETTING,
            StaffAccounts.ADMIN_PASSWORD_SETTING,
            StaffAccounts.ADMIN_TOKEN_SETTING
        })
class AskTest extends StripeAppTestBase {

    private static final String ADMIN = StaffAccounts.bearer(StaffAccounts.ADMIN_TOKEN);

    private String page(String url) throws Exception {
        return mvc.perform(get(url)).andReturn().getResponse().getContentAsString();
    }

    /** The values of the amount buttons checked on a page. */
    private static String checkedAmount(String html) {
        Matcher m = Pattern.compile("<input type=\"radio\" name=\"amount\" value=\"(\\w+)\"[^>]*checked=\"checked\"")
                .matcher(html);
        assertThat(m.find()).as("a checked amount").isTrue();
        String first = m.group(1);
        assertThat(m.find()).as("one checked amount").isFalse();
        return first;
    }

    private long audited(String slug) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'campaign.ask' AND target = ?")
                .param(slug)
                .query(Long.class)
                .single();
    }

    @Test
    void theApiRefusesABadAskNamingEveryFieldAndChangesNothing() throws Exception {
        Campaign campaign = active("ask-bad");
        mvc.perform(put("/api/staff/campaigns/" + campaign.slug() + "/ask")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"accent": "#fde68a", "amounts": {"month": [
                                  {"amountMinor": 50}, {"amountMinor": 1000, "impact": "x\\ny"}, {"amountMinor": 1000}],
                                  "weekly": [{"amountMinor": 500}]}}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/problem+json"))
                .andExpect(content().string(containsString("\"accent\"")))
                .andExpect(content().string(containsString("amounts.month[0].amountMinor")))
                .andExpect(content().string(containsString("amounts.month[1].impact")))
                .andExpect(content().string(containsString("amounts.month[2].amountMinor")))
                .andExpect(content().string(containsString("amounts.weekly")))
                .andExpect(content().string(containsString("4.5:1")));
        mvc.perform(put("/api/staff/campaigns/" + campaign.slug() + "/ask")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amounts\": {\"once\": [{\"amountMinor\": \"ten\"}]}}"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/problem+json"));
        mvc.perform(put("/api/staff/campaigns/no-such-campaign/ask")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isNotFound());
        assertThat(campaigns.find(campaign.slug()).orElseThrow().ask()).isEqualTo(Ask.NONE);
        assertThat(audited(campaign.slug())).isZero();
    }

    @Test
    void anAskSetThroughTheApiIsWhatTheDonateFormOffers() throws Exception {
        Campaign campaign = active("ask-api");
        String slug = campaign.slug();
        mvc.perform(get("/api/staff/campaigns/" + slug + "/ask").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.amounts").isEmpty())
                .andExpect(jsonPath("$.offered.once[1].amountMinor").value(2_500))
                .andExpect(jsonPath("$.offered.once[1].preselected").value(true))
                .andExpect(jsonPath("$.offered.month[*].amountMinor")
                        .value(org.hamcrest.Matchers.contains(500, 1_000, 2_000)));
        mvc.perform(put("/api/staff/campaigns/" + slug + "/ask")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"headline": "Keep the newsroom independent", "accent": "#1D4ED8",
                                 "amounts": {"month": [
                                   {"amountMinor": 700, "impact": "A week of the council reporter"},
                                   {"amountMinor": 1500, "impact": "A month of fact-checking", "preselected": true},
                                   {"amountMinor": 3000}]}}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.amounts.month[1].preselected").value(true))
                .andExpect(jsonPath("$.offered.once[1].amountMinor").value(2_500));
        assertThat(audited(slug)).isEqualTo(1);
        // the read path's JSON (the widget's donate dialog) offers the same, as soon as the change is committed
        String json = "";
        for (int i = 0; i < 50 && !json.contains("Keep the newsroom independent"); i++) {
            Thread.sleep(50);
            json = page("/api/campaigns/" + slug);
        }
        assertThat(json)
                .contains("\"headline\":\"Keep the newsroom independent\"")
                .contains("\"accent\":\"#1d4ed8\"")
                .contains("{\"amountMinor\":1500,\"impact\":\"A month of fact-checking\",\"preselected\":true}");

        String monthly = page("/campaigns/" + slug + "?interval=month");
        assertThat(checkedAmount(monthly)).isEqualTo("1500");
        assertThat(monthly)
                .contains("<h2 id=\"donate-title\">Keep the newsroom independent</h2>")
                .contains("style=\"--gp-accent: #1d4ed8\"")
                .contains("data-testid=\"impact\">A month of fact-checking</p>")
                .contains("data-impact=\"A week of the council reporter\"");
        String once = page("/campaigns/" + slug);
        assertThat(checkedAmount(once)).as("the defaults' middle amount").isEqualTo("2500");
        assertThat(once).contains("data-testid=\"impact\"></p>");
        // a refused form keeps the amount the reader chose
        String refused = mvc.perform(post("/campaigns/" + slug + "/donate")
                        .param("interval", "month")
                        .param("amount", "3000")
                        .param("email", "not an address"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(checkedAmount(refused)).isEqualTo("3000");
        String other = mvc.perform(post("/campaigns/" + slug + "/donate")
                        .param("interval", "once")
                        .param("amount", "custom")
                        .param("customAmount", "abc"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(other)
                .contains("value=\"custom\" data-testid=\"amount-other\" checked=\"checked\"")
                .contains("value=\"abc\"")
                .contains("write the amount as a number");
    }

    @Test
    void theAskPageSavesForAdminsAndShowsStaffWhatIsOffered() throws Exception {
        Campaign campaign = active("ask-page");
        String slug = campaign.slug();
        Cookie admin = StaffAccounts.loginAsAdmin(mvc);
        mvc.perform(get("/staff/campaigns/" + slug + "/ask").cookie(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Offered now: <span>$10, $25 (preselected), $50</span>")));
        mvc.perform(post("/staff/campaigns/" + slug + "/ask")
                        .cookie(admin)
                        .with(csrf())
                        .param("rows[once][0].amount", "12")
                        .param("rows[once][1].amount", "abc")
                        .param("accent", "#eeeeee"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("write the amount as a number")));
        assertThat(campaigns.find(slug).orElseThrow().ask()).isEqualTo(Ask.NONE);
        mvc.perform(post("/staff/campaigns/" + slug + "/ask")
                        .cookie(admin)
                        .with(csrf())
                        .param("rows[once][0].amount", "12")
                        .param("rows[once][1].amount", "30")
                        .param("rows[once][1].impact", "A day of the court reporter")
                        .param("rows[once][2].amount", "")
                        .param("preselected[once]", "1")
                        .param("accent", "#eeeeee"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("contrast with white")));
        mvc.perform(post("/staff/campaigns/" + slug + "/ask")
                        .cookie(admin)
                        .with(csrf())
                        .param("rows[once][0].amount", "12")
                        .param("rows[once][1].amount", "30.50")
                        .param("rows[once][1].impact", "A day of the court reporter")
                        .param("preselected[once]", "1")
                        .param("accent", "#065f46"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"saved\"")))
                .andExpect(content().string(containsString("$12, $30.50 (preselected)")));
        Ask saved = campaigns.find(slug).orElseThrow().ask();
        assertThat(saved.amounts("once"))
                .containsExactly(
                        new Ask.AskAmount(1_200, null, false),
                        new Ask.AskAmount(3_050, "A day of the court reporter", true));
        assertThat(saved.accent()).isEqualTo("#065f46");
        assertThat(audited(slug)).isEqualTo(1);
        assertThat(checkedAmount(page("/campaigns/" + slug))).isEqualTo("3050");
    }

    @Test
    void theThanksPageSaysWhatTheGiftWasAndOffersOneTimeDonorsAMonthlyGift() throws Exception {
        Campaign campaign = active("ask-thanks");
        String slug = campaign.slug();
        Donation once = pendingDonation(campaign, DonationInterval.ONCE, 2_500, "reader@example.org");
        String thanks = page("/campaigns/" + slug + "/thanks?donation=" + once.publicId());
        assertThat(thanks)
                .contains("Your gift: $25, once.")
                .contains("Next goal: “" + tierLabel(campaign) + "” at $1,000.")
                .contains("data-testid=\"upsell-button\">Give $10 every month</button>")
                .contains("name=\"amount\" value=\"1000\"")
                .contains("name=\"interval\" value=\"month\"")
                .contains("value=\"http://localhost/campaigns/" + slug + "\"")
                .contains("<title>Thank you! · Goalpost</title>");
        Matcher key = Pattern.compile("name=\"requestKey\" value=\"([^\"]+)\"").matcher(thanks);
        assertThat(key.find()).isTrue();

        // one click: a monthly checkout for 10 $
        long before = jdbc.sql("SELECT COUNT(*) FROM donation WHERE donation_interval = 'MONTH' AND campaign_id = ?")
                .param(campaign.id())
                .query(Long.class)
                .single();
        mvc.perform(post("/campaigns/" + slug + "/donate")
                        .param("amount", "1000")
                        .param("interval", "month")
                        .param("requestKey", key.group(1))
                        .param("lang", "en"))
                .andExpect(status().isSeeOther());
        assertThat(jdbc.sql("SELECT amount_minor FROM donation WHERE donation_interval = 'MONTH' AND campaign_id = ?")
                        .param(campaign.id())
                        .query(Long.class)
                        .list())
                .hasSize((int) before + 1)
                .contains(1_000L);

        Donation monthly = pendingDonation(campaign, DonationInterval.MONTH, 1_500, "reader@example.org");
        mvc.perform(get("/campaigns/" + slug + "/thanks").param("donation", monthly.publicId()))
                .andExpect(content().string(containsString("Your gift: $15 every month.")))
                .andExpect(content().string(not(containsString("data-testid=\"upsell\""))));
        Campaign other = active("ask-thanks-other");
        mvc.perform(get("/campaigns/" + other.slug() + "/thanks").param("donation", once.publicId()))
                .andExpect(content().string(containsString("Thank you for your support!")))
                .andExpect(content().string(not(containsString("Your gift:"))))
                .andExpect(content().string(not(containsString("data-testid=\"upsell\""))));
        mvc.perform(get("/campaigns/" + slug + "/thanks").param("donation", "x"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Your gift:"))));
    }

    private static String tierLabel(Campaign campaign) {
        return campaign.tiers().asList().get(0).label();
    }
}
