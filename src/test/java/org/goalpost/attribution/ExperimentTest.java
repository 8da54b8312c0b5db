package org.goalpost.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goalpost.payment.stripe.StripeJson.event;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.goalpost.campaign.Campaign;
import org.goalpost.payment.stripe.StripeAppTestBase;
import org.goalpost.payment.stripe.StripeJson;
import org.goalpost.progress.ProgressCache;
import org.goalpost.testing.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tests of the ask end to end (issue 13): staff start an experiment (bad ones refused), readers are shown its
 * variants (the widget's JSON, the campaign page), the variant travels with views and checkouts, the results per
 * variant come from the ledger, and ending it makes the winner the campaign's ask; every step is audited.
 */
@TestPropertySource(
        properties = {
            StaffAccounts.ADMIN_EMAIL_SETTING,
            StaffAccounts.ADMIN_PASSWORD_SETTING,
            StaffAccounts.ADMIN_TOKEN_SETTING
        })
class ExperimentTest extends StripeAppTestBase {

    private static final String ADMIN = StaffAccounts.bearer(StaffAccounts.ADMIN_TOKEN);
    private static final String EXPERIMENT = """
            {"name": "Higher monthly asks", "variants": [
              {"key": "a", "sharePercent": 50, "defaultInterval": "once",
               "amounts": {"once": [{"amountMinor": 1000}, {"amountMinor": 2500, "preselected": true}]}},
              {"key": "b", "sharePercent": 50, "headline": "Become a monthly supporter", "defaultInterval": "month",
               "amounts": {"month": [{"amountMinor": 1000}, {"amountMinor": 1500, "preselected": true},
                                     {"amountMinor": 3000}]}}]}""";

    @Autowired
    ReaderCounts counts;

    @Autowired
    ProgressCache cache;

    private JsonNode json(String body) {
        return JsonMapper.builder().build().readTree(body);
    }

    private long audited(String slug, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = ? AND target = ?")
                .params(action, slug)
                .query(Long.class)
                .single();
    }

    @Test
    void badExperimentsAreRefusedAndOnlyOneRunsAtATime() throws Exception {
        Campaign campaign = active("exp-bad");
        String path = "/api/staff/campaigns/" + campaign.slug() + "/experiments";
        mvc.perform(post(path)
                        .header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "", "variants": [
                                  {"key": "A B", "sharePercent": 70, "defaultInterval": "weekly"},
                                  {"key": "b", "sharePercent": 20, "defaultInterval": "month",
                                   "amounts": {"month": [{"amountMinor": 50}]}}]}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("\"name\"")))
                .andExpect(content().string(containsString("variants[0].key")))
                .andExpect(content().string(containsString("variants[0].defaultInterval")))
                .andExpect(content().string(containsString("variants[1].amounts.month[0].amountMinor")))
                .andExpect(content().string(containsString("shares add up to 90 percent")));
        mvc.perform(post(path)
                        .header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"One\", \"variants\": [{\"key\": \"a\", \"sharePercent\": 100, "
                                + "\"amounts\": {\"once\": [{\"amountMinor\": 1000}]}}]}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("test 2 to 4 variants")));
        assertThat(audited(campaign.slug(), "experiment.started")).isZero();
        // the ask page's form: refused with its messages, then started
        jakarta.servlet.http.Cookie admin = StaffAccounts.loginAsAdminInTestMode(mvc);
        String form = "/staff/campaigns/" + campaign.slug() + "/experiments";
        mvc.perform(
                        post(form)
                                .cookie(admin)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("name", "Monthly first")
                                .param("variants[0].key", "a")
                                .param("variants[0].share", "70")
                                .param("variants[1].key", "b")
                                .param("variants[1].share", "20")
                                .param("variants[1].amounts[month]", "10, 15*, thirty"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("write amounts as 10, 25*, 50")));
        mvc.perform(
                        post(form)
                                .cookie(admin)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("name", "Monthly first")
                                .param("variants[0].key", "a")
                                .param("variants[0].share", "70")
                                .param("variants[1].key", "b")
                                .param("variants[1].share", "20")
                                .param("variants[1].first", "month")
                                .param("variants[1].amounts[month]", "10, 15*, 30"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("shares add up to 90 percent, not 100")));
        mvc.perform(
                        post(form)
                                .cookie(admin)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("name", "Monthly first")
                                .param("variants[0].key", "a")
                                .param("variants[0].share", "70")
                                .param("variants[1].key", "b")
                                .param("variants[1].share", "30")
                                .param("variants[1].first", "month")
                                .param("variants[1].amounts[month]", "10, 15*, 30"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(jsonPath("$[0].name").value("Monthly first"))
                .andExpect(jsonPath("$[0].variants[1].amounts.month[1].amountMinor")
                        .value(1_500))
                .andExpect(jsonPath("$[0].variants[1].amounts.month[1].preselected")
                        .value(true));
        assertThat(audited(campaign.slug(), "experiment.started")).isEqualTo(1);
        mvc.perform(post(path)
                        .header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(EXPERIMENT))
                .andExpect(status().isConflict());
        mvc.perform(post(path + "/999999/stop").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isNotFound());
    }

    @Test
    void readersSeeAVariantItTravelsWithTheirGiftAndTheWinnerBecomesTheAsk() throws Exception {
        Campaign campaign = active("exp-run");
        String slug = campaign.slug();
        String path = "/api/staff/campaigns/" + slug + "/experiments";
        JsonNode started = json(mvc.perform(post(path)
                        .header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(EXPERIMENT))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
        long id = started.path("id").asLong();
        assertThat(started.path("state").asString()).isEqualTo("RUNNING");
        assertThat(audited(slug, "experiment.started")).isEqualTo(1);
        cache.awaitRebuilds();
        // what views, clicks and checkouts carry: the experiment's id and the variant's key
        String tagA = "e" + id + "-a";
        String tagB = "e" + id + "-b";

        // the widget's JSON offers both variants; the campaign page shows the one the link names
        mvc.perform(get("/api/campaigns/" + slug))
                .andExpect(jsonPath("$.ask.variants[0].key").value(tagA))
                .andExpect(jsonPath("$.ask.variants[1].key").value(tagB))
                .andExpect(jsonPath("$.ask.variants[1].sharePercent").value(50))
                .andExpect(jsonPath("$.ask.variants[1].headline").value("Become a monthly supporter"))
                .andExpect(jsonPath("$.ask.variants[1].amounts.month[1].amountMinor")
                        .value(1_500))
                .andExpect(jsonPath("$.ask.variants[1].amounts.month[1].preselected")
                        .value(true));
        String page = mvc.perform(get("/campaigns/" + slug).param("variant", tagB))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("<h2 id=\"donate-title\">Become a monthly supporter</h2>")
                .contains("name=\"variant\" value=\"" + tagB + "\"")
                .containsPattern("name=\"interval\" value=\"month\"[^>]*checked")
                .containsPattern("name=\"amount\" value=\"1500\"[^>]*checked");
        // without a variant in the link, the page picks one of the two
        for (int i = 0; i < 5; i++) {
            assertThat(mvc.perform(get("/campaigns/" + slug))
                            .andReturn()
                            .getResponse()
                            .getContentAsString())
                    .containsPattern("name=\"variant\" value=\"e" + id + "-[ab]\"");
        }

        // views per variant, and a paid gift from a reader shown b
        for (String variant : new String[] {tagA, tagA, tagB}) {
            mvc.perform(from(post("/api/campaigns/" + slug + "/views")
                            .content(
                                    "{\"page\": \"https://news.example/story\", \"placement\": \"end\", \"variant\": \""
                                            + variant + "\"}")))
                    .andExpect(status().isNoContent());
        }
        String body = mvc.perform(from(post("/api/campaigns/" + slug + "/checkout")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountMinor\": 1500, \"interval\": \"once\", \"attribution\": "
                                + "{\"page\": \"https://news.example/story\", \"variant\": \"" + tagB + "\"}}")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String donation = json(body).path("donationId").asString();
        String intent = id("pi");
        STRIPE.putPaymentIntent(StripeJson.paymentIntent(intent, id("ch"), 1_500, 30, "usd", donation, now()));
        deliver(event(
                        id("evt"),
                        "checkout.session.completed",
                        StripeJson.paidSession(intent, donation, 1_500, "b@example.org", now()),
                        now()))
                .andExpect(jsonPath("$.result").value("applied"));
        counts.flush();

        JsonNode listed = json(mvc.perform(get(path).param("mode", "test").header(HttpHeaders.AUTHORIZATION, ADMIN))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get(0);
        JsonNode a = listed.path("variants").get(0).path("results");
        JsonNode b = listed.path("variants").get(1).path("results");
        assertThat(a.path("views").asLong()).isEqualTo(2);
        assertThat(b.path("views").asLong()).isEqualTo(1);
        assertThat(b.path("donations").asLong()).isEqualTo(1);
        assertThat(b.path("raisedMinor").asLong()).isEqualTo(1_500);
        assertThat(b.path("revenuePerThousandViewsMinor").asLong()).isEqualTo(1_500_000);
        assertThat(b.path("pValueBasisPoints").isNull())
                .as("no test before 1,000 views each")
                .isTrue();
        assertThat(listed.path("minimumViews").asLong()).isEqualTo(1_000);

        // the ask page lists it with its results; an admin stops it there: readers see the campaign's own ask again
        jakarta.servlet.http.Cookie admin = StaffAccounts.loginAsAdminInTestMode(mvc);
        mvc.perform(get("/staff/campaigns/" + slug + "/ask").cookie(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Higher monthly asks")))
                .andExpect(content().string(containsString("data-variant=\"b\"")))
                .andExpect(content().string(containsString("<td>$15</td>")));
        mvc.perform(
                        post("/staff/campaigns/" + slug + "/experiments/" + id + "/stop")
                                .cookie(admin)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(jsonPath("$[0].state").value("STOPPED"));
        cache.awaitRebuilds();
        mvc.perform(get("/api/campaigns/" + slug))
                .andExpect(jsonPath("$.ask.variants").isEmpty());
        mvc.perform(post(path + "/" + id + "/stop").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isConflict());

        // ended with b: b's amounts and first frequency are the campaign's ask now
        mvc.perform(post(path + "/" + id + "/end")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"winner\": \"c\"}"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post(path + "/" + id + "/end")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"winner\": \"b\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("ENDED"))
                .andExpect(jsonPath("$.winner").value("b"));
        Campaign after = campaigns.find(slug).orElseThrow();
        assertThat(after.defaultInterval()).isEqualTo("month");
        assertThat(after.ask().headline()).isEqualTo("Become a monthly supporter");
        assertThat(after.ask().amounts("month"))
                .extracting(org.goalpost.campaign.Ask.AskAmount::amountMinor)
                .containsExactly(1_000L, 1_500L, 3_000L);
        assertThat(audited(slug, "experiment.stopped")).isEqualTo(1);
        assertThat(audited(slug, "experiment.ended")).isEqualTo(1);
        mvc.perform(post(path)
                        .header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(EXPERIMENT))
                .andExpect(status().isCreated());
    }
}
