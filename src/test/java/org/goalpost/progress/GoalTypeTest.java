package org.goalpost.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goalpost.payment.stripe.StripeJson.event;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.CampaignDraft;
import org.goalpost.campaign.Campaigns;
import org.goalpost.campaign.TestCampaigns;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationInterval;
import org.goalpost.payment.stripe.StripeAppTestBase;
import org.goalpost.payment.stripe.StripeJson;
import org.goalpost.testing.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * What the bar measures (issue 12), from Stripe's events to the public JSON, page and SVG: a recurring goal shows
 * monthly recurring revenue (monthly amounts plus a twelfth of the yearly ones) and moves when a subscription ends
 * though no money moves; a donors goal counts donors against tiers that are counts; a campaign with an end date
 * counts down, and after it says it has ended, closes its form and, when staff say so, keeps its bar at the end
 * date's figure while late money still counts in the ledger.
 */
@TestPropertySource(
        properties = {
            StaffAccounts.ADMIN_EMAIL_SETTING,
            StaffAccounts.ADMIN_PASSWORD_SETTING,
            StaffAccounts.ADMIN_TOKEN_SETTING
        })
class GoalTypeTest extends StripeAppTestBase {

    @Autowired
    ProgressCache cache;

    @Autowired
    org.goalpost.health.Invariants invariants;

    private Campaign create(String prefix, String goalType, Boolean lateMoneyShown, Instant endsAt, long... tiers) {
        CampaignDraft d = TestCampaigns.draft(TestCampaigns.uniqueSlug(prefix), tiers);
        return campaigns.create(d.endingAt(endsAt).withGoal(goalType, lateMoneyShown, null));
    }

    /** A recurring donation whose first payment Stripe reports, and its subscription active. */
    private String recurring(Campaign campaign, DonationInterval interval, long amount, String email) throws Exception {
        return recurring(pendingDonation(campaign, interval, amount, email), interval, amount);
    }

    private String recurring(Donation donation, DonationInterval interval, long amount) throws Exception {
        String subscription = id("sub");
        String intent = id("pi");
        STRIPE.putPaymentIntent(StripeJson.paymentIntent(intent, id("ch"), amount, 30, "usd", null, now()));
        Map<String, Object> invoice = StripeJson.invoice(
                id("in"), subscription, donation.publicId(), amount, "usd", "subscription_create", null, now());
        STRIPE.putInvoice(invoice, intent);
        deliver(event(id("evt"), "invoice.paid", invoice, now()))
                .andExpect(jsonPath("$.result").value("applied"));
        Map<String, Object> active =
                StripeJson.subscription(subscription, "active", donation.publicId(), amount, "usd", interval.word());
        STRIPE.putSubscription(active);
        deliver(event(id("evt"), "customer.subscription.updated", active, now()))
                .andExpect(jsonPath("$.result").value("applied"));
        return subscription;
    }

    /** A one-time gift paid at {@code paidAt} (epoch seconds); its charge and payment intent. */
    private String[] once(Campaign campaign, long amount, String email, long paidAt) throws Exception {
        Donation donation = pendingDonation(campaign, DonationInterval.ONCE, amount, email);
        String intent = id("pi");
        String charge = id("ch");
        STRIPE.putPaymentIntent(
                StripeJson.paymentIntent(intent, charge, amount, 30, "usd", donation.publicId(), paidAt));
        deliver(event(
                        id("evt"),
                        "checkout.session.completed",
                        StripeJson.paidSession(intent, donation.publicId(), amount, email, paidAt),
                        paidAt))
                .andExpect(jsonPath("$.result").value("applied"));
        return new String[] {charge, intent};
    }

    @Test
    void aRecurringGoalShowsMonthlyRecurringRevenueAndMovesWhenASubscriptionEnds() throws Exception {
        Campaign campaign = create("goalrec", "recurring", null, null, 1_500, 5_000);
        String monthly = recurring(campaign, DonationInterval.MONTH, 1_000, "mo@example.org");
        recurring(campaign, DonationInterval.YEAR, 12_000, "yo@example.org");
        cache.awaitRebuilds();

        mvc.perform(get("/api/campaigns/" + campaign.slug()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.goalType").value("recurring"))
                .andExpect(jsonPath("$.progress").value(2_000))
                .andExpect(jsonPath("$.raisedMinor").value(13_000))
                .andExpect(jsonPath("$.tiers[0].reached").value(true))
                .andExpect(jsonPath("$.tiers[1].reached").value(false))
                .andExpect(jsonPath("$.percentOfGoal").value(40.0));
        mvc.perform(get("/campaigns/" + campaign.slug()).param("lang", "en"))
                .andExpect(content().string(containsString("<strong>$20 / month</strong> in recurring support")))
                .andExpect(content().string(containsString("aria-valuetext=\"$20 a month of $50 a month\"")))
                .andExpect(content().string(containsString("<strong>$50 / month</strong>")));
        mvc.perform(get("/campaigns/" + campaign.slug()).param("lang", "de"))
                .andExpect(content().string(containsString("/ Monat</strong> regelmäßige Unterstützung")));
        mvc.perform(get("/widget/" + campaign.slug() + ".svg"))
                .andExpect(content().string(containsString("$20 / month</tspan> in recurring support")));

        // the monthly donor cancels: no money moves, the bar does
        Map<String, Object> canceled = StripeJson.subscription(monthly, "canceled", null, 1_000, "usd", "month");
        STRIPE.putSubscription(canceled);
        deliver(event(id("evt"), "customer.subscription.deleted", canceled, now()))
                .andExpect(jsonPath("$.result").value("applied"));
        cache.awaitRebuilds();
        mvc.perform(get("/api/campaigns/" + campaign.slug()))
                .andExpect(jsonPath("$.progress").value(1_000))
                .andExpect(jsonPath("$.raisedMinor").value(13_000))
                .andExpect(jsonPath("$.tiers[0].reached").value(false));
    }

    @Test
    void aDonorsGoalCountsDonorsAgainstTiersThatAreCounts() throws Exception {
        Campaign campaign = create("goaldon", "donors", null, null, 2, 5);
        once(campaign, 500, "d1@example.org", now());
        once(campaign, 700, "d2@example.org", now());
        cache.awaitRebuilds();
        mvc.perform(get("/api/campaigns/" + campaign.slug()))
                .andExpect(jsonPath("$.goalType").value("donors"))
                .andExpect(jsonPath("$.progress").value(2))
                .andExpect(jsonPath("$.goalMinor").value(5))
                .andExpect(jsonPath("$.raisedMinor").value(1_200))
                .andExpect(jsonPath("$.tiers[0].reached").value(true));
        mvc.perform(get("/campaigns/" + campaign.slug()).param("lang", "en"))
                .andExpect(content().string(containsString("<strong>2</strong> donors")))
                .andExpect(content().string(containsString("aria-valuetext=\"2 of 5 donors\"")))
                .andExpect(content().string(containsString("<strong>5 donors</strong>")))
                .andExpect(content().string(containsString("class=\"gp-marker-amount\">5</span>")));
        assertThat(mvc.perform(get("/widget/" + campaign.slug() + ".svg").param("locale", "de-DE"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .as("the SVG is UTF-8")
                .contains("2</tspan> Unterstützende");
    }

    @Test
    void aCampaignCountsDownAndAfterItsEndClosesItsFormAndMayKeepItsBarStill() throws Exception {
        Campaign running = create(
                "goalend", "raised", null, Instant.now().plus(Duration.ofDays(2).plusHours(1)), 10_000);
        mvc.perform(get("/campaigns/" + running.slug()).param("lang", "en"))
                .andExpect(content().string(containsString("data-testid=\"countdown\">Ends in 2 days<")))
                .andExpect(content().string(containsString("data-testid=\"donate\"")));
        mvc.perform(get("/campaigns/" + running.slug()).param("lang", "de"))
                .andExpect(content().string(containsString(">Endet in 2 Tagen<")));

        Instant end = Instant.now().minus(Duration.ofHours(1));
        Campaign over = create("goalover", "raised", false, end, 10_000);
        once(over, 2_000, "early@example.org", end.minus(Duration.ofHours(1)).getEpochSecond());
        once(over, 3_000, "late@example.org", now());
        cache.awaitRebuilds();
        mvc.perform(get("/api/campaigns/" + over.slug()))
                .andExpect(jsonPath("$.ended").value(true))
                .andExpect(jsonPath("$.progress").value(2_000))
                .andExpect(jsonPath("$.raisedMinor").value(5_000));
        mvc.perform(get("/campaigns/" + over.slug()).param("lang", "en"))
                .andExpect(content().string(containsString("data-testid=\"ended\"")))
                .andExpect(content().string(containsString("Donations to this campaign are closed.")))
                .andExpect(content().string(not(containsString("data-testid=\"donate\""))))
                .andExpect(content().string(not(containsString("data-testid=\"countdown\""))))
                .andExpect(content().string(containsString("<strong>$20</strong> raised")));
        assertThat(testTotals(over).raisedMinor())
                .as("late money counts in the ledger")
                .isEqualTo(5_000);

        // staff let the bar show late money
        Campaign shown = campaigns.update(over.slug(), withLateMoney(Campaigns.draftOf(over, "active")));
        assertThat(shown.lateMoneyShown()).isTrue();
        cache.awaitRebuilds();
        mvc.perform(get("/api/campaigns/" + over.slug()))
                .andExpect(jsonPath("$.progress").value(5_000))
                .andExpect(jsonPath("$.raisedMinor").value(5_000));
    }

    @Test
    void staffSetTheGoalTypeAndSeeItInTotalsExportsAndTheDashboard() throws Exception {
        String slug = TestCampaigns.uniqueSlug("goalapi");
        String body = """
                {"slug": "%s", "title": "Members", "currency": "USD", "status": "active",
                 "tiers": [{"amountMinor": 100, "label": "A hundred members"}], "goalType": "%s"}""";
        mvc.perform(post("/api/staff/campaigns")
                        .header("Authorization", StaffAccounts.bearer(StaffAccounts.ADMIN_TOKEN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(slug, "pledges")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("goalType"));
        assertThat(campaigns.find(slug)).as("nothing created").isEmpty();
        mvc.perform(post("/api/staff/campaigns")
                        .header("Authorization", StaffAccounts.bearer(StaffAccounts.ADMIN_TOKEN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(slug, "donors")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.goalType").value("donors"))
                .andExpect(jsonPath("$.lateMoneyShown").value(true));
        Campaign campaign = campaigns.find(slug).orElseThrow();
        once(campaign, 900, "m1@example.org", now());
        mvc.perform(get("/api/staff/campaigns/" + slug + "/totals?mode=test")
                        .header("Authorization", StaffAccounts.bearer(StaffAccounts.ADMIN_TOKEN)))
                .andExpect(jsonPath("$.goalType").value("donors"))
                .andExpect(jsonPath("$.progress").value(1))
                .andExpect(jsonPath("$.raisedMinor").value(900));
        String csv = mvc.perform(get("/staff/export/totals.csv")
                        .param("mode", "test")
                        .with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv.lines().filter(l -> l.startsWith(slug + ",")))
                .singleElement()
                .asString()
                .endsWith(",donors,1");
        mvc.perform(get("/staff").param("mode", "test").with(user("staff").roles("STAFF")))
                .andExpect(content().string(containsString("<strong>1</strong> donor</p>")));
    }

    @Test
    void theStaffFormTakesCountsForADonorsGoalAndTheLateMoneySetting() throws Exception {
        String slug = TestCampaigns.uniqueSlug("goalform");
        java.util.function.Function<String, org.springframework.test.web.servlet.RequestBuilder> form =
                amount -> post("/staff/campaigns")
                        .with(user("admin").roles("ADMIN"))
                        .with(
                                org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                        .param("slug", slug)
                        .param("title", "Members")
                        .param("currency", "USD")
                        .param("status", "active")
                        .param("period", "none")
                        .param("timeZone", "UTC")
                        .param("countBasis", "gross")
                        .param("amountStyle", "locale")
                        .param("defaultInterval", "once")
                        .param("goalType", "donors")
                        .param("_lateMoneyShown", "on")
                        .param("tiers[0].label", "Two hundred and fifty members")
                        .param("tiers[0].amount", amount);
        mvc.perform(form.apply("2.5"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("write the number of donors, such as 250")));
        assertThat(campaigns.find(slug)).isEmpty();
        mvc.perform(form.apply("250")).andExpect(status().is3xxRedirection());
        Campaign saved = campaigns.find(slug).orElseThrow();
        assertThat(saved.goalType().word()).isEqualTo("donors");
        assertThat(saved.tiers().top().amountMinor()).as("a count, not money").isEqualTo(250);
        assertThat(saved.lateMoneyShown()).as("the box was left unticked").isFalse();
        mvc.perform(get("/staff/campaigns/" + slug + "/edit").with(user("admin").roles("ADMIN")))
                .andExpect(content().string(containsString("value=\"250\"")))
                .andExpect(content().string(containsString("<option value=\"donors\" selected=\"selected\"")));
    }

    @Test
    void firstYearValueIsShownAsPledgedNextToMoneyReceivedNeverMixedIn() throws Exception {
        CampaignDraft d = TestCampaigns.draft(TestCampaigns.uniqueSlug("goalpledge"), 100_000);
        Campaign campaign = campaigns.create(d.withGoal("raised", null, "first-year"));
        String[] gift = once(campaign, 2_500, "p1@example.org", now());
        Donation monthly = pendingDonation(campaign, DonationInterval.MONTH, 1_000, "p2@example.org");
        String subscription = recurring(monthly, DonationInterval.MONTH, 1_000);
        recurring(campaign, DonationInterval.YEAR, 12_000, "p3@example.org");
        // the monthly donor's second month: money received, nothing more pledged
        String intent = id("pi");
        STRIPE.putPaymentIntent(StripeJson.paymentIntent(intent, id("ch"), 1_000, 30, "usd", null, now()));
        Map<String, Object> second = StripeJson.invoice(
                id("in"), subscription, monthly.publicId(), 1_000, "usd", "subscription_cycle", null, now());
        STRIPE.putInvoice(second, intent);
        deliver(event(id("evt"), "invoice.paid", second, now()))
                .andExpect(jsonPath("$.result").value("applied"));
        // 5 $ of the one-time gift refunded: less received, less pledged
        deliver(event(
                        id("evt"),
                        "refund.created",
                        StripeJson.refund(id("re"), gift[0], gift[1], 500, "usd", "succeeded", now()),
                        now()))
                .andExpect(jsonPath("$.result").value("applied"));
        cache.awaitRebuilds();

        // received: 25 + 10 + 120 + 10 - 5 = 160 $; pledged: 25 - 5 + 12 x 10 + 120 = 260 $
        mvc.perform(get("/api/campaigns/" + campaign.slug()))
                .andExpect(jsonPath("$.raisedMinor").value(16_000))
                .andExpect(jsonPath("$.progress").value(16_000))
                .andExpect(jsonPath("$.pledgedMinor").value(26_000));
        mvc.perform(get("/campaigns/" + campaign.slug()).param("lang", "en"))
                .andExpect(content().string(containsString("<strong>$160</strong> raised")))
                .andExpect(content()
                        .string(containsString("$260 pledged, counting each new monthly gift at 12 times its amount")));
        mvc.perform(get("/api/staff/campaigns/" + campaign.slug() + "/totals?mode=test")
                        .header("Authorization", StaffAccounts.bearer(StaffAccounts.ADMIN_TOKEN)))
                .andExpect(jsonPath("$.raisedMinor").value(16_000))
                .andExpect(jsonPath("$.pledgedMinor").value(26_000));
        mvc.perform(get("/staff").param("mode", "test").with(user("staff").roles("STAFF")))
                .andExpect(content().string(containsString("Pledged (first-year value)")));
        assertThat(invariants.run().outcomes())
                .filteredOn(o -> o.invariant().equals("pledged-matches-ledger"))
                .singleElement()
                .satisfies(o -> assertThat(o.holds()).isTrue());
        // a campaign that counts recurring gifts as paid shows no pledged figure, and first-year needs a raised goal
        Campaign plain = create("goalplain", "raised", null, null, 10_000);
        once(plain, 700, "p4@example.org", now());
        cache.awaitRebuilds();
        mvc.perform(get("/api/campaigns/" + plain.slug()))
                .andExpect(jsonPath("$.pledgedMinor").value(org.hamcrest.Matchers.nullValue()));
        String firstYearOnDonors = "{\"slug\": \"" + TestCampaigns.uniqueSlug("goalbad") + "\", \"title\": \"T\", "
                + "\"currency\": \"USD\", \"tiers\": [{\"amountMinor\": 100, \"label\": \"A\"}], "
                + "\"goalType\": \"donors\", \"countRecurringAs\": \"first-year\"}";
        mvc.perform(post("/api/staff/campaigns")
                        .header("Authorization", StaffAccounts.bearer(StaffAccounts.ADMIN_TOKEN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(firstYearOnDonors))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("countRecurringAs"));
    }

    private static CampaignDraft withLateMoney(CampaignDraft d) {
        return d.withGoal(d.goalType(), true, d.countRecurringAs());
    }
}
