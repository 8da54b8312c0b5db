package org.goalpost.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goalpost.payment.stripe.StripeJson.event;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.goalpost.campaign.Campaign;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationInterval;
import org.goalpost.payment.stripe.StripeAppTestBase;
import org.goalpost.payment.stripe.StripeJson;
import org.goalpost.shared.health.InvariantCheck;
import org.goalpost.testing.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Attribution end to end (issue 13): beacons counted into aggregates (robots, foreign sites and bad input not), a
 * checkout carrying its attribution, Stripe-reported money (a payment, a refund, a monthly gift's later instalment)
 * attributed through the ledger, the report by page, placement and source, its CSV, the invariant, and a donor's
 * privacy export and erasure.
 */
@TestPropertySource(
        properties = {
            StaffAccounts.ADMIN_EMAIL_SETTING,
            StaffAccounts.ADMIN_PASSWORD_SETTING,
            StaffAccounts.ADMIN_TOKEN_SETTING
        })
class AttributionTest extends StripeAppTestBase {

    private static final String ADMIN = StaffAccounts.bearer(StaffAccounts.ADMIN_TOKEN);
    private static final String STORY = "https://news.example/politics/council-vote";
    private static final String OTHER_STORY = "https://news.example/culture/festival";

    @Autowired
    ReaderCounts counts;

    @Autowired
    java.util.List<InvariantCheck> checks;

    private void beacon(Campaign campaign, String body, int expected) throws Exception {
        mvc.perform(from(post("/api/campaigns/" + campaign.slug() + "/views")
                                .contentType(MediaType.TEXT_PLAIN)
                                .content(body))
                        .header(HttpHeaders.USER_AGENT, "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0"))
                .andExpect(status().is(expected));
    }

    private String checkout(Campaign campaign, long amount, String interval, String attribution) throws Exception {
        return checkout(campaign, amount, interval, attribution, "reader@example.org");
    }

    private String checkout(Campaign campaign, long amount, String interval, String attribution, String email)
            throws Exception {
        String body = mvc.perform(from(post("/api/campaigns/" + campaign.slug() + "/checkout")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountMinor\": " + amount + ", \"interval\": \"" + interval
                                + "\", \"email\": \"" + email + "\""
                                + (attribution == null ? "" : ", \"attribution\": " + attribution) + "}")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonMapper.builder().build().readTree(body).path("donationId").asString();
    }

    /** Stripe reports a one-time checkout paid; answers its charge and payment intent. */
    private String[] paid(String publicId, long amount) throws Exception {
        String intent = id("pi");
        String charge = id("ch");
        STRIPE.putPaymentIntent(StripeJson.paymentIntent(intent, charge, amount, 30, "usd", publicId, now()));
        deliver(event(
                        id("evt"),
                        "checkout.session.completed",
                        StripeJson.paidSession(intent, publicId, amount, "reader@example.org", now()),
                        now()))
                .andExpect(jsonPath("$.result").value("applied"));
        return new String[] {charge, intent};
    }

    /** Stripe reports an instalment of a subscription paid ({@code reason}: subscription_create or _cycle). */
    private void instalment(String subscription, String publicId, long amount, String reason) throws Exception {
        String intent = id("pi");
        STRIPE.putPaymentIntent(StripeJson.paymentIntent(intent, id("ch"), amount, 30, "usd", null, now()));
        Map<String, Object> invoice =
                StripeJson.invoice(id("in"), subscription, publicId, amount, "usd", reason, null, now());
        STRIPE.putInvoice(invoice, intent);
        deliver(event(id("evt"), "invoice.paid", invoice, now()))
                .andExpect(jsonPath("$.result").value("applied"));
    }

    private JsonNode report(Campaign campaign, String by) throws Exception {
        return JsonMapper.builder()
                .build()
                .readTree(mvc.perform(get("/api/staff/campaigns/" + campaign.slug() + "/attribution")
                                .param("by", by)
                                .param("mode", "test")
                                .header(HttpHeaders.AUTHORIZATION, ADMIN))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
    }

    private static JsonNode row(JsonNode report, String key) {
        for (JsonNode row : report.path("rows")) {
            if (key.equals(row.path("key").asString(null))) {
                return row;
            }
        }
        throw new AssertionError("no row " + key + " in " + report);
    }

    @Test
    void beaconsAreCountedAsAggregatesAndBadOnesNot() throws Exception {
        Campaign campaign = active("attr-views");
        String view = "{\"page\": \"" + STORY + "?utm_source=newsletter&reader=42#top\", \"placement\": \"end\"}";
        for (int i = 0; i < 3; i++) {
            beacon(campaign, view, 204);
        }
        beacon(campaign, "{\"page\": \"" + STORY + "/\", \"placement\": \"end\", \"event\": \"click\"}", 204);
        beacon(campaign, "{\"page\": \"" + OTHER_STORY + "\"}", 204);
        // not counted: a robot, a site the campaign is not embedded on, bad input
        mvc.perform(from(post("/api/campaigns/" + campaign.slug() + "/views")
                        .content(view)
                        .header(HttpHeaders.USER_AGENT, "Googlebot/2.1 (+http://www.google.com/bot.html)")))
                .andExpect(status().isNoContent());
        Campaign embedded = campaigns.update(
                campaign.slug(),
                org.goalpost.campaign.Campaigns.draftOf(campaign, "active").withEmbedOrigins("https://news.example"));
        Thread.sleep(100);
        mvc.perform(from(post("/api/campaigns/" + campaign.slug() + "/views")
                        .content(view)
                        .header(HttpHeaders.ORIGIN, "https://elsewhere.example")))
                .andExpect(status().isForbidden());
        beacon(embedded, "not json", 400);
        beacon(embedded, "{\"page\": \"javascript:alert(1)\"}", 422);
        beacon(embedded, "{\"page\": \"" + STORY + "\", \"event\": \"purchase\"}", 422);
        mvc.perform(post("/api/campaigns/no-such-campaign/views").content(view)).andExpect(status().isNotFound());
        // the SVG (a newsletter) and the iframe count a view when served, with the page the browser names
        mvc.perform(from(get("/widget/" + campaign.slug() + ".svg").param("placement", "newsletter"))
                        .header(HttpHeaders.REFERER, OTHER_STORY + "?x=1"))
                .andExpect(status().isOk());
        mvc.perform(from(get("/widget/" + campaign.slug())).header(HttpHeaders.REFERER, OTHER_STORY))
                .andExpect(status().isOk());
        counts.flush();
        counts.flush();

        JsonNode byPage = report(campaign, "page");
        assertThat(row(byPage, STORY).path("views").asLong())
                .as("query and fragment dropped")
                .isEqualTo(3);
        assertThat(row(byPage, STORY).path("clicks").asLong()).isEqualTo(1);
        assertThat(row(byPage, OTHER_STORY).path("views").asLong())
                .as("a beacon, the SVG and the iframe")
                .isEqualTo(3);
        assertThat(row(report(campaign, "placement"), "newsletter")
                        .path("views")
                        .asLong())
                .isEqualTo(1);
        assertThat(row(report(campaign, "placement"), "iframe").path("views").asLong())
                .isEqualTo(1);
        assertThat(row(report(campaign, "placement"), "end").path("views").asLong())
                .isEqualTo(3);
        assertThat(row(report(campaign, "utmSource"), "newsletter")
                        .path("views")
                        .asLong())
                .isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attribution_daily WHERE campaign_id = ? AND page LIKE '%reader%'")
                        .param(campaign.id())
                        .query(Long.class)
                        .single())
                .as("nothing from the reader's address is stored")
                .isZero();
    }

    @Test
    void theLedgersMoneyIsAttributedToThePageAndPlacementOfItsCheckout() throws Exception {
        Campaign campaign = active("attr-money");
        String fromStory = "{\"page\": \"" + STORY + "?utm_source=newsletter\", \"placement\": \"end\"}";
        String once = checkout(campaign, 2_500, "once", fromStory);
        String[] payment = paid(once, 2_500);
        // 5 $ of it refunded: the page's money goes down with it
        deliver(event(
                        id("evt"),
                        "refund.created",
                        StripeJson.refund(id("re"), payment[0], payment[1], 500, "usd", "succeeded", now()),
                        now()))
                .andExpect(jsonPath("$.result").value("applied"));
        // a monthly gift from the other story's top placement, paid twice: both instalments are the page's
        String monthly =
                checkout(campaign, 1_000, "month", "{\"page\": \"" + OTHER_STORY + "\", \"placement\": \"top\"}");
        String subscription = id("sub");
        instalment(subscription, monthly, 1_000, "subscription_create");
        instalment(subscription, monthly, 1_000, "subscription_cycle");
        // a checkout from the story that was never paid, and a gift without attribution
        checkout(campaign, 5_000, "once", fromStory);
        Donation plain = pendingDonation(campaign, DonationInterval.ONCE, 4_000, "plain@example.org");
        paid(plain.publicId(), 4_000);

        JsonNode byPage = report(campaign, "page");
        JsonNode story = row(byPage, STORY);
        assertThat(story.path("checkouts").asLong()).isEqualTo(2);
        assertThat(story.path("donations").asLong()).isEqualTo(1);
        assertThat(story.path("donors").asLong()).isEqualTo(1);
        assertThat(story.path("raisedMinor").asLong()).isEqualTo(2_000);
        assertThat(story.path("recurringDonations").asLong()).isZero();
        JsonNode festival = row(byPage, OTHER_STORY);
        assertThat(festival.path("raisedMinor").asLong()).isEqualTo(2_000);
        assertThat(festival.path("recurringDonations").asLong()).isEqualTo(1);
        assertThat(byPage.path("rows").get(0).path("raisedMinor").asLong())
                .as("sorted by money")
                .isEqualTo(2_000);
        assertThat(byPage.path("attributedMinor").asLong()).isEqualTo(4_000);
        assertThat(byPage.path("unattributedMinor").asLong()).isEqualTo(4_000);
        assertThat(byPage.path("attributedMinor").asLong()
                        + byPage.path("unattributedMinor").asLong())
                .as("attributed plus unattributed is the campaign's total")
                .isEqualTo(testTotals(campaign).raisedMinor());
        assertThat(row(report(campaign, "placement"), "top").path("raisedMinor").asLong())
                .isEqualTo(2_000);
        assertThat(row(report(campaign, "utmSource"), "newsletter")
                        .path("raisedMinor")
                        .asLong())
                .isEqualTo(2_000);
        assertThat(checks.stream()
                        .flatMap(c -> c.check().stream())
                        .filter(o -> o.invariant().startsWith("attribution"))
                        .toList())
                .hasSize(2)
                .allSatisfy(o -> assertThat(o.holds()).as(o.invariant()).isTrue());

        // the staff page and the CSV say the same
        jakarta.servlet.http.Cookie admin = StaffAccounts.loginAsAdminInTestMode(mvc);
        mvc.perform(get("/staff/campaigns/" + campaign.slug() + "/attribution").cookie(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(STORY)))
                .andExpect(content().string(containsString("data-testid=\"attributed\">$40</td>")));
        mvc.perform(get("/staff/campaigns/" + campaign.slug() + "/attribution.csv")
                        .param("by", "placement")
                        .cookie(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(campaign.slug() + ",placement,end,")))
                .andExpect(content().string(containsString("(unattributed)")));
    }

    @Test
    void badAttributionIsRefusedBeforeAnythingIsWritten() throws Exception {
        Campaign campaign = active("attr-bad");
        long before =
                jdbc.sql("SELECT COUNT(*) FROM donation").query(Long.class).single();
        mvc.perform(from(post("/api/campaigns/" + campaign.slug() + "/checkout")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountMinor\": 1000, \"attribution\": {\"page\": \"ftp://x\", \"placement\": "
                                + "\"no spaces\", \"utmSource\": \"" + "s".repeat(101) + "\"}}")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/problem+json"))
                .andExpect(content().string(containsString("attribution.page")))
                .andExpect(content().string(containsString("attribution.placement")))
                .andExpect(content().string(containsString("attribution.utmSource")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM donation").query(Long.class).single())
                .isEqualTo(before);
        mvc.perform(get("/api/staff/campaigns/" + campaign.slug() + "/attribution")
                        .param("by", "author")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/staff/campaigns/" + campaign.slug() + "/attribution")
                        .param("from", "yesterday")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theCampaignPageCarriesTheWidgetsLinkIntoTheCheckoutAndCountsTheClick() throws Exception {
        Campaign campaign = active("attr-page");
        String html = mvc.perform(from(get("/campaigns/" + campaign.slug())
                        .param("placement", "sidebar")
                        .param("page", STORY + "?utm_campaign=winter")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains("name=\"page\" value=\"" + STORY + "\"")
                .contains("name=\"placement\" value=\"sidebar\"")
                .contains("name=\"utmCampaign\" value=\"winter\"");
        mvc.perform(from(post("/campaigns/" + campaign.slug() + "/donate")
                        .param("amount", "2500")
                        .param("interval", "once")
                        .param("requestKey", "attr-page-" + campaign.slug())
                        .param("page", STORY)
                        .param("placement", "sidebar")
                        .param("utmCampaign", "winter")))
                .andExpect(status().isSeeOther());
        counts.flush();
        JsonNode byPlacement = report(campaign, "placement");
        assertThat(row(byPlacement, "sidebar").path("clicks").asLong()).isEqualTo(1);
        assertThat(row(byPlacement, "sidebar").path("checkouts").asLong()).isEqualTo(1);
        // a link's bad values are dropped, never shown to the reader as an error
        mvc.perform(from(get("/campaigns/" + campaign.slug()).param("placement", "<script>")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("name=\"placement\""))));
    }

    @Test
    void aDonorsPrivacyExportShowsWhereTheirGiftsCameFromAndErasureForgetsIt() throws Exception {
        Campaign campaign = active("attr-privacy");
        String email = "privacy-" + campaign.slug() + "@example.org";
        String once = checkout(campaign, 2_500, "once", "{\"page\": \"" + STORY + "\", \"placement\": \"end\"}", email);
        paid(once, 2_500);
        mvc.perform(get("/api/staff/privacy").param("email", email).header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(STORY)))
                .andExpect(content().string(containsString("\"placement\":\"end\"")));
        mvc.perform(post("/api/staff/privacy/erase")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"" + email + "\"}")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM donation_attribution WHERE campaign_id = ?")
                        .param(campaign.id())
                        .query(Long.class)
                        .single())
                .isZero();
        JsonNode byPage = report(campaign, "page");
        assertThat(byPage.path("unattributedMinor").asLong())
                .as("the money stays, unattributed")
                .isEqualTo(2_500);
    }
}
