package org.goalpost.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.CampaignDraft;
import org.goalpost.campaign.CampaignDraft.TierDraft;
import org.goalpost.campaign.Campaigns;
import org.goalpost.campaign.PeriodKey;
import org.goalpost.campaign.TestCampaigns;
import org.goalpost.donation.DonorRef;
import org.goalpost.donation.Ledger;
import org.goalpost.donation.LedgerEntry;
import org.goalpost.donation.LedgerKind;
import org.goalpost.shared.db.DbTime;
import org.goalpost.testing.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/** The read path: served from memory with strong ETags, cache headers, CORS and framing per campaign, and the SVG. */
@AppTest
class WidgetReadPathTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    private Campaign campaign(List<String> origins) {
        String slug = TestCampaigns.uniqueSlug("widget");
        return campaigns.create(new CampaignDraft(
                slug,
                "Widget " + slug,
                null,
                "USD",
                "active",
                "none",
                "UTC",
                null,
                null,
                "gross",
                "symbol-after",
                List.of(new TierDraft(250_000L, "Lights", null), new TierDraft(500_000L, "Reporting", null)),
                origins));
    }

    @Autowired
    ProgressCache cache;

    /** Records a gift, and waits for the cache to fold it in (a few milliseconds after the commit). */
    private void give(Campaign campaign, long minor, String source) {
        ledger.record(
                campaign,
                LedgerEntry.gift(
                        LedgerKind.OFFLINE_GIFT,
                        campaign.money(minor),
                        0,
                        source,
                        null,
                        DonorRef.anonymous(source),
                        false,
                        Instant.now(),
                        PeriodKey.ALL));
        cache.awaitRebuilds();
    }

    private MvcResult json(String slug) throws Exception {
        return mvc.perform(get("/api/campaigns/" + slug))
                .andExpect(status().isOk())
                .andReturn();
    }

    @Test
    void theProgressJsonCarriesAStrongEtagAndCacheHeadersAndAnswers304() throws Exception {
        Campaign campaign = campaign(null);
        MvcResult first = json(campaign.slug());
        String etag = first.getResponse().getHeader("ETag");
        assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(first.getResponse().getHeader("Cache-Control"))
                .isEqualTo("max-age=5, public, stale-while-revalidate=10");
        mvc.perform(get("/api/campaigns/" + campaign.slug()).header("If-None-Match", etag))
                .andExpect(status().isNotModified())
                .andExpect(header().string("ETag", etag))
                .andExpect(content().bytes(new byte[0]));
        mvc.perform(get("/api/campaigns/" + campaign.slug()).header("If-None-Match", "\"other\", " + etag))
                .andExpect(status().isNotModified());
        mvc.perform(get("/api/campaigns/" + campaign.slug()).header("If-None-Match", "\"stale\""))
                .andExpect(status().isOk());
    }

    @Test
    void theEtagChangesExactlyWhenTheNumbersChange() throws Exception {
        Campaign campaign = campaign(null);
        String before = json(campaign.slug()).getResponse().getHeader("ETag");
        give(campaign, 1_000, "etag-" + campaign.slug());
        MvcResult after = json(campaign.slug());
        assertThat(after.getResponse().getHeader("ETag")).isNotEqualTo(before);
        assertThat(after.getResponse().getContentAsString()).contains("\"raisedMinor\":1000");
        give(campaign, 1_000, "etag-" + campaign.slug());
        assertThat(json(campaign.slug()).getResponse().getHeader("ETag"))
                .as("a duplicate moves nothing")
                .isEqualTo(after.getResponse().getHeader("ETag"));
        mvc.perform(get("/api/campaigns/" + campaign.slug()).header("If-None-Match", before))
                .andExpect(status().isOk());
    }

    @Test
    void aChangeMadeByAnotherInstanceShowsWithinThePollInterval() throws Exception {
        Campaign campaign = campaign(null);
        json(campaign.slug());
        String now = DbTime.param(Instant.now());
        // Another instance on the same database: rows written without this instance's events.
        jdbc.sql("INSERT INTO ledger_entry (campaign_id, period_key, kind, amount_minor, fee_minor, "
                        + "currency, source_ref, donor_ref, "
                        + "livemode, occurred_at, recorded_at) VALUES (?, 'ALL', 'OFFLINE_GIFT', "
                        + "4200, 0, 'USD', ?, 'a:other', FALSE, ?, ?)")
                .params(campaign.id(), "other-" + campaign.slug(), now, now)
                .update();
        jdbc.sql("INSERT INTO campaign_totals (campaign_id, period_key, livemode, currency, "
                        + "raised_minor, gross_minor, refunded_minor, "
                        + "disputed_minor, adjusted_minor, fees_minor, donation_count, donor_count, "
                        + "updated_at) "
                        + "VALUES (?, 'ALL', FALSE, 'USD', 4200, 4200, 0, 0, 0, 0, 1, 1, ?)")
                .params(campaign.id(), now)
                .update();
        jdbc.sql("INSERT INTO campaign_pledged (campaign_id, period_key, livemode, once_minor, first_year_minor, "
                        + "updated_at) VALUES (?, 'ALL', FALSE, 4200, 0, ?)")
                .params(campaign.id(), now)
                .update();
        long started = System.nanoTime();
        Awaitility.await()
                .atMost(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(50))
                .until(() ->
                        json(campaign.slug()).getResponse().getContentAsString().contains("\"raisedMinor\":4200"));
        System.out.printf(
                "WidgetReadPathTest: a change made elsewhere showed after %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void onlyAggregatesAreServed() throws Exception {
        Campaign campaign = campaign(null);
        give(campaign, 500, "aggregates-" + campaign.slug());
        Map<String, Object> body = JsonMapper.builder()
                .build()
                .readValue(
                        json(campaign.slug()).getResponse().getContentAsString(),
                        new tools.jackson.core.type.TypeReference<Map<String, Object>>() {});
        assertThat(body.keySet())
                .containsExactlyInAnyOrder(
                        "slug",
                        "title",
                        "description",
                        "currency",
                        "status",
                        "mode",
                        "countBasis",
                        "amountStyle",
                        "goalType",
                        "progress",
                        "raisedMinor",
                        "pledgedMinor",
                        "goalMinor",
                        "percentOfGoal",
                        "donorCount",
                        "donationCount",
                        "tiers",
                        "period",
                        "endsAt",
                        "ended",
                        "ask",
                        "updatedAt");
        @SuppressWarnings("unchecked")
        Map<String, Object> ask = (Map<String, Object>) body.get("ask");
        assertThat(ask.keySet())
                .as("what the donate form offers, nothing about anyone")
                .containsExactlyInAnyOrder(
                        "headline", "accent", "defaultInterval", "amounts", "minimumMinor", "maximumMinor", "variants");
        assertThat(ask.get("amounts").toString())
                .isEqualTo("{once=[{amountMinor=1000, impact=null, preselected=false}, "
                        + "{amountMinor=2500, impact=null, preselected=true}, "
                        + "{amountMinor=5000, impact=null, preselected=false}], "
                        + "month=[{amountMinor=500, impact=null, preselected=false}, "
                        + "{amountMinor=1000, impact=null, preselected=true}, "
                        + "{amountMinor=2000, impact=null, preselected=false}], "
                        + "year=[{amountMinor=5000, impact=null, preselected=false}, "
                        + "{amountMinor=10000, impact=null, preselected=true}, "
                        + "{amountMinor=20000, impact=null, preselected=false}]}");
    }

    @Test
    void unknownCampaignsAre404ProblemsEverywhere() throws Exception {
        mvc.perform(get("/api/campaigns/nope-nope"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/widget/nope-nope.svg")).andExpect(status().isNotFound());
        mvc.perform(get("/widget/nope-nope")).andExpect(status().isNotFound());
    }

    @Test
    void theSvgDrawsTheSameBar() throws Exception {
        MvcResult svg = mvc.perform(get("/widget/support.svg"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/svg+xml"))
                .andExpect(header().string("Cache-Control", containsString("public")))
                .andExpect(content()
                        .string(allOf(
                                containsString("<title id=\"gp-title\">Support independent journalism</title>"),
                                containsString("<desc id=\"gp-desc\">895 $ raised of 5,000 $</desc>"),
                                containsString("role=\"img\""),
                                containsString("data-amount-minor=\"250000\" x1=\"300\" x2=\"300\""),
                                containsString("data-amount-minor=\"500000\" x1=\"584\" x2=\"584\""),
                                containsString("class=\"fill\" x=\"16\" y=\"20\" width=\"101\""),
                                containsString(">2,500 $</text>"),
                                containsString("<tspan>895 $</tspan> raised"))))
                .andReturn();
        String etag = svg.getResponse().getHeader("ETag");
        mvc.perform(get("/widget/support.svg").header("If-None-Match", etag)).andExpect(status().isNotModified());
        mvc.perform(get("/widget/support.svg").param("locale", "de-DE"))
                .andExpect(content().string(containsString(">2.500 $</text>")));
        // a 300 px column: the bar spans 300 units, the text keeps its 13 and 20 px
        mvc.perform(get("/widget/support.svg").param("width", "300"))
                .andExpect(content()
                        .string(allOf(
                                containsString("width=\"300\" height=\"110\" viewBox=\"0 0 300 110\""),
                                containsString("data-amount-minor=\"250000\" x1=\"150\" x2=\"150\""),
                                containsString("data-amount-minor=\"500000\" x1=\"284\" x2=\"284\""),
                                containsString("font-size:13px"),
                                containsString("font-size:20px"))));
        mvc.perform(get("/widget/support.svg").param("width", "50"))
                .andExpect(content().string(containsString("viewBox=\"0 0 300 110\"")));
        mvc.perform(get("/widget/support.svg").param("width", "wide"))
                .andExpect(content().string(containsString("viewBox=\"0 0 600 110\"")));
        Campaign hostile = campaigns.create(new CampaignDraft(
                TestCampaigns.uniqueSlug("svg"),
                "<script>alert(1)</script> & co",
                null,
                "USD",
                "active",
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(new TierDraft(100L, "One", null))));
        mvc.perform(get("/widget/" + hostile.slug() + ".svg"))
                .andExpect(content()
                        .string(allOf(
                                containsString("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"),
                                not(containsString("<script>")))));
    }

    @Test
    void theIframeMayBeFramedOnlyByTheCampaignsSites() throws Exception {
        mvc.perform(get("/widget/support"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", WidgetController.FRAME_POLICY + "*"))
                .andExpect(header().doesNotExist("X-Frame-Options"))
                .andExpect(content()
                        .string(allOf(
                                containsString("role=\"progressbar\""),
                                containsString("<strong>895 $</strong> raised"),
                                containsString("TEST MODE"))));
        Campaign listed = campaign(List.of("https://news.example", "https://Blog.Example:8443/"));
        assertThat(listed.embedOrigins().asList()).containsExactly("https://news.example", "https://blog.example:8443");
        mvc.perform(get("/widget/" + listed.slug()))
                .andExpect(header().string(
                                "Content-Security-Policy",
                                WidgetController.FRAME_POLICY
                                        + "'self' https://news.example https://blog.example:8443"));
        mvc.perform(get("/campaigns/support")).andExpect(header().string("X-Frame-Options", "DENY"));
        mvc.perform(get("/api/campaigns/support")).andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void corsFollowsTheCampaignsSites() throws Exception {
        Campaign listed = campaign(List.of("https://news.example"));
        mvc.perform(get("/api/campaigns/" + listed.slug()).header("Origin", "https://news.example"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "https://news.example"))
                .andExpect(header().stringValues("Vary", org.hamcrest.Matchers.hasItem(containsString("Origin"))))
                .andExpect(header().doesNotExist("Access-Control-Allow-Credentials"));
        mvc.perform(get("/api/campaigns/" + listed.slug()).header("Origin", "https://evil.example"))
                .andExpect(status().isForbidden());
        mvc.perform(options("/api/campaigns/" + listed.slug() + "/checkout")
                        .header("Origin", "https://news.example")
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "content-type,idempotency-key"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "https://news.example"))
                .andExpect(header().string("Access-Control-Allow-Methods", "POST"));
        mvc.perform(options("/api/campaigns/" + listed.slug() + "/checkout")
                        .header("Origin", "https://evil.example")
                        .header("Access-Control-Request-Method", "POST"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/campaigns/support").header("Origin", "https://anywhere.example"))
                .andExpect(header().string("Access-Control-Allow-Origin", "*"));
        mvc.perform(get("/api/campaigns").header("Origin", "https://anywhere.example"))
                .andExpect(header().string("Access-Control-Allow-Origin", "*"));
    }

    @Test
    void badEmbedOriginsAreRefusedByTheCampaignRules() {
        org.goalpost.shared.web.InvalidInputException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                org.goalpost.shared.web.InvalidInputException.class,
                () -> campaign(List.of(
                        "https://ok.example", "ftp://files.example", "https://news.example/path", "not a url")));
        assertThat(e.problems())
                .extracting(org.goalpost.shared.web.FieldProblem::field)
                .containsExactly("embedOrigins[1]", "embedOrigins[2]", "embedOrigins[3]");
    }

    @Test
    void theWidgetScriptIsServedWithCacheHeaders() throws Exception {
        mvc.perform(get("/widget.js"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/javascript"))
                .andExpect(content().string(containsString("attachShadow")));
    }

    @Test
    void thePingIsTrivial() throws Exception {
        mvc.perform(get("/api/ping"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pong").value(true));
    }

    @Test
    void theWidgetFramesNotFoundPageIsFramedByNoOneAndCarriesThePolicy() throws Exception {
        mvc.perform(get("/widget/no-such-campaign"))
                .andExpect(status().isNotFound())
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string(
                                "Content-Security-Policy",
                                allOf(
                                        containsString("frame-ancestors 'none'"),
                                        containsString("object-src 'none'"),
                                        containsString("base-uri 'none'"),
                                        not(containsString("frame-ancestors *")))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }
}
