package org.goalpost.progress;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.campaign.TestCampaigns;
import org.goalpost.donation.DonorRef;
import org.goalpost.donation.Ledger;
import org.goalpost.donation.LedgerEntry;
import org.goalpost.donation.LedgerKind;
import org.goalpost.donation.PeriodAttribution;
import org.goalpost.testing.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The public JSON API on the embedded default's demo data (test mode). */
@AppTest
class CampaignApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Campaigns campaigns;

    @Autowired
    Ledger ledger;

    @Autowired
    Clock clock;

    @Autowired
    ProgressCache cache;

    @Test
    void theDemoCampaignShowsTheBoxWeModel() throws Exception {
        mvc.perform(get("/api/campaigns/support"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.slug").value("support"))
                .andExpect(jsonPath("$.title").value("Support independent journalism"))
                .andExpect(jsonPath("$.currency").value("USD"))
                .andExpect(jsonPath("$.status").value("active"))
                .andExpect(jsonPath("$.mode").value("test"))
                .andExpect(jsonPath("$.raisedMinor").value(89_500))
                .andExpect(jsonPath("$.goalMinor").value(500_000))
                .andExpect(jsonPath("$.percentOfGoal").value(17.9))
                .andExpect(jsonPath("$.donorCount").value(9))
                .andExpect(jsonPath("$.donationCount").value(11))
                .andExpect(jsonPath("$.tiers[0].amountMinor").value(250_000))
                .andExpect(jsonPath("$.tiers[0].label").value("Keep the lights on"))
                .andExpect(jsonPath("$.tiers[0].reached").value(false))
                .andExpect(jsonPath("$.tiers[1].amountMinor").value(500_000))
                .andExpect(jsonPath("$.tiers[1].label").value("Fund new reporting"))
                .andExpect(jsonPath("$.period").value(nullValue()))
                .andExpect(jsonPath("$.updatedAt").isString());
    }

    @Test
    void listsThePublicCampaignsOnly() throws Exception {
        String draft = TestCampaigns.uniqueSlug("hidden");
        campaigns.create(new org.goalpost.campaign.CampaignDraft(
                draft,
                "Hidden",
                null,
                "USD",
                "draft",
                null,
                null,
                null,
                null,
                null,
                null,
                java.util.List.of(new org.goalpost.campaign.CampaignDraft.TierDraft(100L, "One", null))));
        mvc.perform(get("/api/campaigns"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].slug", hasItem("support")))
                .andExpect(jsonPath("$[*].slug", not(hasItem(draft))));
        mvc.perform(get("/api/campaigns/" + draft))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anUnknownCampaignIsAProblem() throws Exception {
        mvc.perform(get("/api/campaigns/no-such-campaign"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Not found"))
                .andExpect(jsonPath("$.detail").value("No campaign 'no-such-campaign'"));
    }

    @Test
    void inTestModeOnlyTestMoneyCounts() throws Exception {
        Campaign campaign = campaigns.create(TestCampaigns.draft(TestCampaigns.uniqueSlug("modes"), 10_000));
        Instant now = clock.instant();
        ledger.record(
                campaign,
                LedgerEntry.gift(
                        LedgerKind.PAYMENT,
                        campaign.money(1_000),
                        0,
                        "pi_live_" + campaign.slug(),
                        null,
                        DonorRef.known(1),
                        true,
                        now,
                        PeriodAttribution.forGift(campaign, now)));
        ledger.record(
                campaign,
                LedgerEntry.gift(
                        LedgerKind.PAYMENT,
                        campaign.money(300),
                        0,
                        "pi_test_" + campaign.slug(),
                        null,
                        DonorRef.known(2),
                        false,
                        now,
                        PeriodAttribution.forGift(campaign, now)));
        cache.awaitRebuilds();
        mvc.perform(get("/api/campaigns/" + campaign.slug()))
                .andExpect(jsonPath("$.raisedMinor").value(300))
                .andExpect(jsonPath("$.donationCount").value(1));
    }

    @Test
    void monthlyCampaignsShowTheCurrentPeriodAndKeepPastOnesQueryable() throws Exception {
        Campaign campaign = campaigns.create(TestCampaigns.draft(
                TestCampaigns.uniqueSlug("monthly"), "USD", "monthly", "America/New_York", 10_000, 20_000));
        Instant lastMonth = campaign.periodAt(clock.instant()).start().minusSeconds(1800);
        String lastPeriod = campaign.periodAt(lastMonth).key().value();
        ledger.record(
                campaign,
                LedgerEntry.gift(
                        LedgerKind.PAYMENT,
                        campaign.money(15_000),
                        0,
                        "pi_m_" + campaign.slug(),
                        null,
                        DonorRef.known(3),
                        false,
                        lastMonth,
                        PeriodAttribution.forGift(campaign, lastMonth)));

        String current = campaign.periodAt(clock.instant()).key().value();
        mvc.perform(get("/api/campaigns/" + campaign.slug()))
                .andExpect(jsonPath("$.raisedMinor").value(0))
                .andExpect(jsonPath("$.period.key").value(current))
                .andExpect(jsonPath("$.period.start").isString())
                .andExpect(jsonPath("$.period.end").isString());
        mvc.perform(get("/api/campaigns/" + campaign.slug()).param("period", lastPeriod))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.raisedMinor").value(15_000))
                .andExpect(jsonPath("$.period.key").value(lastPeriod))
                .andExpect(jsonPath("$.tiers[0].reached").value(true))
                .andExpect(jsonPath("$.tiers[1].reached").value(false));
        mvc.perform(get("/api/campaigns/" + campaign.slug()).param("period", "2026-13"))
                .andExpect(status().is4xxClientError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("period"));
        mvc.perform(get("/api/campaigns/" + campaign.slug()).param("period", "ALL"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void healthIncludesTheDatabase() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.db.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }
}
