package org.goalpost.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goalpost.campaign.CampaignDraft;
import org.goalpost.campaign.Campaigns;
import org.goalpost.campaign.TestCampaigns;
import org.goalpost.shared.web.FieldProblem;
import org.goalpost.shared.web.InvalidInputException;
import org.goalpost.testing.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The campaign page as the server renders it (the browser test checks the drawing). */
@AppTest
class CampaignPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Campaigns campaigns;

    @Autowired
    JdbcClient jdbc;

    @Test
    void thePageHasADescriptionRobotsKeepOutOfStaffAndStaffReadOneMoneyFormatPerCampaign() throws Exception {
        mvc.perform(get("/campaigns/support"))
                .andExpect(
                        content().string(containsString("<meta name=\"description\" content=\"Our reporting is free")));
        mvc.perform(get("/robots.txt"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Disallow: /staff")))
                .andExpect(content().string(containsString("Disallow: /donors/")));
        // the demo campaign writes amounts as "895 $": its dashboard card too, in the bar and in the table
        String dashboard = mvc.perform(
                        get("/staff")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user("staff")
                                        .roles("STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String card = dashboard.substring(dashboard.indexOf("data-campaign=\"support\""));
        card = card.substring(0, card.indexOf("</section>"));
        assertThat(card)
                .contains("<strong>895 $</strong> raised")
                .containsPattern("data-testid=\"raised\">[0-9,]+ \\$<")
                .doesNotContain(">$");
    }

    @Test
    void showsTheDemoBoxInTestMode() throws Exception {
        mvc.perform(get("/campaigns/support"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content()
                        .string(allOf(
                                containsString("TEST MODE"),
                                containsString("<h1 data-testid=\"title\">Support independent journalism</h1>"),
                                containsString(">0 $<"),
                                containsString(">2,500 $<"),
                                containsString(">5,000 $<"),
                                containsString("Keep the lights on"),
                                containsString("Fund new reporting"),
                                containsString("<strong>895 $</strong> raised"),
                                containsString("left: 50%"),
                                containsString("left: 100%"),
                                containsString("width: 17.9%"),
                                containsString("aria-valuenow=\"89500\""),
                                containsString("aria-valuemax=\"500000\""),
                                containsString("9 donors"),
                                containsString("11 donations"),
                                not(containsString("name=\"_csrf\"")))))
                .andExpect(header().doesNotExist("Set-Cookie"));
    }

    @Test
    void amountsFollowTheReadersLocale() throws Exception {
        mvc.perform(get("/campaigns/support").header("Accept-Language", "de-DE"))
                .andExpect(
                        content().string(allOf(containsString(">2.500 $<"), containsString("<strong>895 $</strong>"))));
        String slug = campaigns
                .create(TestCampaigns.draft(TestCampaigns.uniqueSlug("locale"), 250_000))
                .slug();
        mvc.perform(get("/campaigns/" + slug).header("Accept-Language", "en-US"))
                .andExpect(content()
                        .string(allOf(containsString(">$2,500<"), containsString("<strong>$0</strong> raised"))));
        mvc.perform(get("/campaigns/" + slug).header("Accept-Language", "de-DE"))
                .andExpect(content().string(containsString(">2.500 $<")));
    }

    /** The frequency chosen when the form opens, as the page renders it. */
    private String chosen(String url) throws Exception {
        String html = mvc.perform(get(url)).andReturn().getResponse().getContentAsString();
        Matcher m = Pattern.compile("<input type=\"radio\" name=\"interval\" value=\"(\\w+)\"[^>]* checked=\"checked\"")
                .matcher(html);
        assertThat(m.find()).as("a chosen frequency on " + url).isTrue();
        String first = m.group(1);
        assertThat(m.find()).as("one chosen frequency").isFalse();
        return first;
    }

    @Test
    void theFormOffersTheCampaignsDefaultFrequencyUnlessTheLinkAsksForAnother() throws Exception {
        assertThat(chosen("/campaigns/support")).isEqualTo("once");
        CampaignDraft yearly = TestCampaigns.draft(TestCampaigns.uniqueSlug("yearly"), 250_000);
        String slug = campaigns.create(yearly.withDefaultInterval("YEAR")).slug();
        assertThat(campaigns.find(slug).orElseThrow().defaultInterval()).isEqualTo("year");
        assertThat(chosen("/campaigns/" + slug)).isEqualTo("year");
        assertThat(chosen("/campaigns/" + slug + "?interval=month")).isEqualTo("month");
        assertThat(chosen("/campaigns/" + slug + "?interval=weekly"))
                .as("a word the form does not know: the campaign's default")
                .isEqualTo("year");
        String page =
                mvc.perform(get("/campaigns/" + slug)).andReturn().getResponse().getContentAsString();
        assertThat(page)
                .as("the campaign's default frequency is the first tab")
                .containsSubsequence(
                        "value=\"year\"", "<span>Yearly</span>", "value=\"once\"", "value=\"month\"", "Monthly");
        mvc.perform(get("/campaigns/" + slug).header("Accept-Language", "de-DE"))
                .andExpect(content().string(allOf(containsString(">Monatlich<"), containsString(">Jährlich<"))));

        InvalidInputException refused = catchThrowableOfType(
                InvalidInputException.class,
                () -> campaigns.create(new CampaignDraft(
                                TestCampaigns.uniqueSlug("weekly"),
                                "Weekly",
                                null,
                                "USD",
                                "active",
                                "none",
                                "UTC",
                                null,
                                null,
                                null,
                                null,
                                yearly.tiers(),
                                null)
                        .withDefaultInterval("weekly")));
        assertThat(refused.problems())
                .containsExactly(new FieldProblem("defaultInterval", "must be 'once', 'month' or 'year'"));
    }

    @Test
    void anUnknownCampaignIsAReadable404() throws Exception {
        mvc.perform(get("/campaigns/nope"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(containsString("No campaign &#39;nope&#39;")));
    }

    /**
     * The public donate form carries no CSRF token and needs no session: it changes nothing of the
     * reader's (it opens a checkout the reader still has to pay), and a token would give every
     * reader of the page a server-side session.
     */
    @Test
    void theDonateFormNeedsNoSessionOrToken() throws Exception {
        mvc.perform(post("/campaigns/support/donate").param("amount", "2500").param("requestKey", "no-session-1"))
                .andExpect(status().isSeeOther())
                .andExpect(header().doesNotExist("Set-Cookie"));
    }

    @Test
    void aBadAmountIsExplainedAndWhatWasTypedIsKept() throws Exception {
        long donations = count();
        mvc.perform(post("/campaigns/support/donate")
                        .param("amount", "custom")
                        .param("customAmount", "lots")
                        .param("name", "Ada Lovelace")
                        .param("message", "For the <b>newsroom</b>"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content()
                        .string(allOf(
                                containsString("write the amount as a number, such as 25 or 25.50"),
                                containsString("value=\"lots\""),
                                containsString("value=\"Ada Lovelace\""),
                                containsString("For the &lt;b&gt;newsroom&lt;/b&gt;"),
                                not(containsString("<b>newsroom</b>")))));
        mvc.perform(post("/campaigns/support/donate").param("amount", "custom").param("customAmount", "0.50"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Give from 1 $ to 10,000 $.")));
        mvc.perform(post("/campaigns/support/donate")
                        .param("amount", "2500")
                        .param("interval", "weekly")
                        .param("email", "nobody"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content()
                        .string(allOf(
                                containsString("Choose once, every month or every year."),
                                containsString("This is not an email address."))));
        assertThat(count()).isEqualTo(donations);
    }

    @Test
    void aValidGiftGoesToTheCheckoutOnceEvenWhenSubmittedTwice() throws Exception {
        long before = pendingDonations();
        String first = mvc.perform(post("/campaigns/support/donate")
                        .param("amount", "custom")
                        .param("customAmount", "25")
                        .param("interval", "month")
                        .param("requestKey", "form-key-1"))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", startsWith("/test-checkout/test_cs_")))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        mvc.perform(post("/campaigns/support/donate")
                        .param("amount", "custom")
                        .param("customAmount", "25")
                        .param("interval", "month")
                        .param("requestKey", "form-key-1"))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", first));
        assertThat(pendingDonations()).isEqualTo(before + 1);
        mvc.perform(get("/campaigns/support"))
                .andExpect(content().string(containsString("<strong>895 $</strong> raised")));
    }

    @Test
    void aCanceledCheckoutSaysSo() throws Exception {
        mvc.perform(get("/campaigns/support").param("canceled", "x"))
                .andExpect(content().string(containsString("Your donation was canceled: nothing was charged.")));
        mvc.perform(get("/campaigns/support/thanks").param("donation", "x"))
                .andExpect(content().string(containsString("Thank you for your support!")));
    }

    private long pendingDonations() {
        return jdbc.sql("SELECT COUNT(*) FROM donation WHERE status = 'PENDING'")
                .query(Long.class)
                .single();
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM donation").query(Long.class).single()
                + jdbc.sql("SELECT COUNT(*) FROM ledger_entry")
                        .query(Long.class)
                        .single();
    }
}
