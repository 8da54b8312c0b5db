package org.goalpost.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.goalpost.payment.stripe.StripeJson.event;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.TestCampaigns;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationInterval;
import org.goalpost.donation.RecurringRevenue;
import org.goalpost.testing.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The recurring view over three months, driven through the webhook as Stripe would report each step:
 * monthly and yearly donors who start, one who gives more, one who gives less, one who cancels and one
 * who pauses; one renewal that fails and is paid after all, one that fails and is lost. Every monthly
 * figure is a sum of the recurring revenue log; the current month ends at the figure the donations commit now.
 */
@TestPropertySource(
        properties = {
            StaffAccounts.ADMIN_EMAIL_SETTING,
            StaffAccounts.ADMIN_PASSWORD_SETTING,
            StaffAccounts.ADMIN_TOKEN_SETTING
        })
class RecurringViewTest extends StripeAppTestBase {

    @Autowired
    RecurringRevenue recurring;

    private record Recurring(Donation donation, String subscription, DonationInterval interval) {}

    /** Noon UTC on {@code day} of {@code month}, in epoch seconds. */
    private static long on(YearMonth month, int day) {
        return LocalDate.of(month.getYear(), month.getMonth(), day)
                .atTime(12, 0)
                .toEpochSecond(ZoneOffset.UTC);
    }

    /** A donor's first payment, reported by {@code invoice.paid} at {@code paidAt}. */
    private Recurring started(Campaign campaign, DonationInterval interval, long amount, long paidAt) throws Exception {
        Donation donation = pendingDonation(campaign, interval, amount, null);
        String subscription = id("sub");
        String intent = id("pi");
        STRIPE.putPaymentIntent(StripeJson.paymentIntent(intent, id("ch"), amount, 30, "usd", null, paidAt));
        Map<String, Object> invoice = StripeJson.invoice(
                id("in"), subscription, donation.publicId(), amount, "usd", "subscription_create", null, paidAt);
        STRIPE.putInvoice(invoice, intent);
        deliver(event(id("evt"), "invoice.paid", invoice, paidAt)).andExpect(status().isOk());
        return new Recurring(donation, subscription, interval);
    }

    /** A renewal invoice fails at {@code at} (Stripe tells us twice: it is one failure). */
    private void failed(Recurring r, String invoice, long at) throws Exception {
        Map<String, Object> object = StripeJson.invoice(
                invoice, r.subscription(), r.donation().publicId(), 0, "usd", "subscription_cycle", null, at);
        deliver(event(id("evt"), "invoice.payment_failed", object, at)).andExpect(status().isOk());
        deliver(event(id("evt"), "invoice.payment_failed", object, at + 86_400)).andExpect(status().isOk());
    }

    /** A renewal invoice is paid at {@code at}. */
    private void paid(Recurring r, String invoice, long amount, long at) throws Exception {
        String intent = id("pi");
        STRIPE.putPaymentIntent(StripeJson.paymentIntent(intent, id("ch"), amount, 30, "usd", null, at));
        Map<String, Object> object = StripeJson.invoice(
                invoice, r.subscription(), r.donation().publicId(), amount, "usd", "subscription_cycle", null, at);
        STRIPE.putInvoice(object, intent);
        deliver(event(id("evt"), "invoice.paid", object, at)).andExpect(status().isOk());
    }

    /** Stripe reports the subscription at {@code at}: its status, amount and whether it is paused. */
    private void reported(Recurring r, String status, long amount, boolean paused, long at) throws Exception {
        reported(r, status, amount, paused, at, null);
    }

    /** As above, with the end of the subscription's current period (when its next payment is due). */
    @SuppressWarnings("unchecked")
    private void reported(Recurring r, String status, long amount, boolean paused, long at, Long periodEnd)
            throws Exception {
        Map<String, Object> object = StripeJson.subscription(
                r.subscription(),
                status,
                r.donation().publicId(),
                amount,
                "usd",
                r.interval().word());
        if (periodEnd != null) {
            Map<String, Object> items = (Map<String, Object>) object.get("items");
            ((List<Map<String, Object>>) items.get("data")).get(0).put("current_period_end", periodEnd);
        }
        object.put("pause_collection", paused ? StripeJson.map("behavior", "void", "resumes_at", at + 86_400) : null);
        String type = "canceled".equals(status) ? "customer.subscription.deleted" : "customer.subscription.updated";
        deliver(event(id("evt"), type, object, at)).andExpect(status().isOk());
    }

    @Test
    void threeMonthsOfStartsRaisesCutsCancellationsAndPausesAddUpToWhatIsCommittedNow() throws Exception {
        Campaign campaign = campaign("recurring-view");
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        YearMonth before = now.minusMonths(1);
        YearMonth first = now.minusMonths(2);
        // two months ago: a monthly donor (10 $) and a yearly one (120 $, 10 $ a month)
        Recurring ada = started(campaign, DonationInterval.MONTH, 1_000, on(first, 5));
        started(campaign, DonationInterval.YEAR, 12_000, on(first, 6));
        // last month: two more monthly donors (20 $ and 15 $); the first gives 30 $ from the 20th
        Recurring cem = started(campaign, DonationInterval.MONTH, 2_000, on(before, 5));
        Recurring dan = started(campaign, DonationInterval.MONTH, 1_500, on(before, 6));
        reported(cem, "active", 3_000, false, on(before, 20));
        // Ada's renewal fails on the 5th and is paid on the 8th after all
        String adaRenewal = id("in");
        failed(ada, adaRenewal, on(before, 5));
        paid(ada, adaRenewal, 1_000, on(before, 8));
        // Cem's renewal fails and is never paid: he cancels (below)
        failed(cem, id("in"), on(now, 1) + 1_800);
        // this month: Cem cancels, Dan pauses, Ada goes down to 8 $
        reported(cem, "canceled", 3_000, false, on(now, 1) + 3_600);
        reported(dan, "active", 1_500, true, on(now, 1) + 7_200);
        long adaNext =
                java.time.Instant.now().plus(java.time.Duration.ofDays(10)).getEpochSecond();
        reported(ada, "active", 800, false, on(now, 1) + 10_800, adaNext);
        // a late report of Ada's old amount changes nothing
        reported(ada, "active", 1_000, false, on(first, 7));

        RecurringRevenue.Report report = recurring.of(campaign, false);
        assertThat(report.mrrMinor()).isEqualTo(800 + 1_000);
        assertThat(report.arrMinor()).isEqualTo(12 * 800 + 12_000);
        assertThat(report.mrrMinor()).isEqualTo(donations.committedMonthly(campaign.id(), false));
        assertThat(report.activeMonthly()).isEqualTo(1);
        assertThat(report.activeYearly()).isEqualTo(1);
        assertThat(report.paused()).isEqualTo(1);
        assertThat(report.renewalsNext30Days())
                .as("Ada's next payment in 10 days; the yearly donor's date is not known yet; Dan is paused")
                .isEqualTo(new RecurringRevenue.Renewals(1, 800));
        assertThat(report.months()).hasSize(RecurringRevenue.MONTHS);
        assertThat(report.months().get(0).month()).isEqualTo(now);

        RecurringRevenue.Month current = report.months().get(0);
        RecurringRevenue.Month last = report.months().get(1);
        RecurringRevenue.Month oldest = report.months().get(2);
        assertThat(oldest).isEqualTo(new RecurringRevenue.Month(first, 2_000, 2_000, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0));
        assertThat(last)
                .isEqualTo(new RecurringRevenue.Month(before, 6_500, 3_500, 1_000, 0, 0, 0, 0, 0, 2, 0, 1, 1, 0));
        assertThat(current)
                .isEqualTo(new RecurringRevenue.Month(now, 1_800, 0, 0, 200, 3_000, 0, 1_500, 0, 0, 1, 1, 0, 1));
        assertThat(report.months().subList(3, RecurringRevenue.MONTHS))
                .allSatisfy(m -> assertThat(m.mrrMinor()).isZero());
        // cohorts, the newest first: last month's two (Cem cancelled, Dan paused: still a donor) brought 35 $;
        // the first month's two are both still donors and brought 10 + 10 + 120 $
        assertThat(report.cohorts())
                .containsExactly(
                        new RecurringRevenue.Cohort(before, 2, List.of(2L, 1L), 3_500),
                        new RecurringRevenue.Cohort(first, 2, List.of(2L, 2L, 2L), 14_000));
        assertThat(report.cohorts().get(0).averageValueMinor()).isEqualTo(1_750);
        assertThat(report.cohorts().get(0).retainedBasisPoints(1)).isEqualTo(5_000);

        mvc.perform(get("/api/staff/campaigns/" + campaign.slug() + "/recurring?mode=test")
                        .header("Authorization", StaffAccounts.bearer(StaffAccounts.ADMIN_TOKEN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mrrMinor").value(1_800))
                .andExpect(jsonPath("$.arrMinor").value(21_600))
                .andExpect(jsonPath("$.active.month").value(1))
                .andExpect(jsonPath("$.active.year").value(1))
                .andExpect(jsonPath("$.paused").value(1))
                .andExpect(jsonPath("$.renewalsNext30Days.count").value(1))
                .andExpect(jsonPath("$.renewalsNext30Days.amountMinor").value(800))
                .andExpect(jsonPath("$.months.length()").value(24))
                .andExpect(jsonPath("$.months[0].month").value(now.toString()))
                .andExpect(jsonPath("$.months[0].churnedMrrMinor").value(3_000))
                .andExpect(jsonPath("$.months[1].expansionMrrMinor").value(1_000))
                .andExpect(jsonPath("$.months[2].newDonors").value(2))
                .andExpect(jsonPath("$.cohorts[0].month").value(before.toString()))
                .andExpect(jsonPath("$.cohorts[0].donors").value(2))
                .andExpect(jsonPath("$.cohorts[0].retained[1]").value(1))
                .andExpect(jsonPath("$.cohorts[0].retainedPercent[1]").value(50.0))
                .andExpect(jsonPath("$.cohorts[0].lifetimeValueMinor").value(3_500))
                .andExpect(jsonPath("$.cohorts[1].averageLifetimeValueMinor").value(7_000));

        // the staff page and its CSV show the same figures
        String page = mvc.perform(get("/staff/campaigns/" + campaign.slug() + "/recurring")
                        .with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("data-testid=\"mrr\">$18<")
                .contains("data-testid=\"arr\">$216<")
                .contains("data-testid=\"paused\">1<")
                .contains("<tr data-month=\"" + now + "\">")
                .contains("data-month=\"" + first + "\"");
        String csv = mvc.perform(get("/staff/campaigns/" + campaign.slug() + "/recurring.csv")
                        .with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv.lines().toList())
                .hasSize(RecurringRevenue.MONTHS + 1)
                .contains(campaign.slug() + "," + now + ",false,USD,1800,0,0,200,3000,0,1500,0,0,1,1,0,1")
                .contains(campaign.slug() + "," + before + ",false,USD,6500,3500,1000,0,0,0,0,0,2,0,1,1,0");
        assertThat(page).contains("data-testid=\"cohorts\"").contains("50 %");
        String cohorts = mvc.perform(get("/staff/campaigns/" + campaign.slug() + "/cohorts.csv")
                        .with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(cohorts.lines().toList())
                .hasSize(1 + 2 + 3)
                .contains(campaign.slug() + "," + before + ",false,USD,2,1,1,5000,3500,1750")
                .contains(campaign.slug() + "," + first + ",false,USD,2,2,2,10000,14000,7000");

        // Dan resumes: back in, as resumed revenue, not as a new donor
        reported(dan, "active", 1_500, false, on(now, 1) + 14_400);
        RecurringRevenue.Month resumed = recurring.of(campaign, false).months().get(0);
        assertThat(resumed.resumedMrrMinor()).isEqualTo(1_500);
        assertThat(resumed.mrrMinor()).isEqualTo(3_300).isEqualTo(donations.committedMonthly(campaign.id(), false));
    }

    /** A yearly donor of a EUR campaign whose first payment is reported now. */
    private void yearlyInEuros(Campaign campaign, long amount) throws Exception {
        Donation donation = pendingDonation(campaign, DonationInterval.YEAR, amount, null);
        String intent = id("pi");
        STRIPE.putPaymentIntent(StripeJson.paymentIntent(intent, id("ch"), amount, 30, "eur", null, now()));
        Map<String, Object> invoice = StripeJson.invoice(
                id("in"), id("sub"), donation.publicId(), amount, "eur", "subscription_create", null, now());
        STRIPE.putInvoice(invoice, intent);
        deliver(event(id("evt"), "invoice.paid", invoice, now())).andExpect(status().isOk());
    }

    @Test
    void theAllCampaignsViewSumsEachCurrencyExactlyAndRoundsOnce() throws Exception {
        Campaign north = campaigns.create(TestCampaigns.draft(
                TestCampaigns.uniqueSlug("recurring-all-north"), "EUR", "none", "Europe/Berlin", 100_000));
        Campaign south = campaigns.create(TestCampaigns.draft(
                TestCampaigns.uniqueSlug("recurring-all-south"), "EUR", "none", "Europe/Berlin", 100_000));
        yearlyInEuros(north, 1_000);
        yearlyInEuros(south, 1_000);
        RecurringRevenue.Report one = recurring.of(north, false);
        assertThat(one.mrrMinor()).as("10 EUR a year is 0.83 a month").isEqualTo(83);

        java.util.List<Campaign> euros = campaigns.findAll().stream()
                .filter(c -> c.currency().getCurrencyCode().equals("EUR"))
                .toList();
        RecurringRevenue.Report all = recurring.of(euros, false);
        long arr =
                euros.stream().mapToLong(c -> recurring.of(c, false).arrMinor()).sum();
        assertThat(all.arrMinor()).isEqualTo(arr).isGreaterThanOrEqualTo(2_000);
        assertThat(all.mrrMinor())
                .as("rounded once: 20 EUR a year is 1.67 a month, not 0.83 + 0.83")
                .isEqualTo(RecurringRevenue.monthly(arr));
        assertThat(all.cohorts().get(0).donors())
                .isEqualTo(euros.stream()
                        .mapToLong(c -> recurring.of(c, false).cohorts().stream()
                                .filter(k ->
                                        k.month().equals(all.cohorts().get(0).month()))
                                .mapToLong(RecurringRevenue.Cohort::donors)
                                .sum())
                        .sum());
        assertThatThrownBy(() -> recurring.of(java.util.List.of(north, campaign("recurring-all-usd")), false))
                .isInstanceOf(IllegalArgumentException.class);

        mvc.perform(get("/api/staff/recurring?mode=test")
                        .header("Authorization", StaffAccounts.bearer(StaffAccounts.ADMIN_TOKEN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.livemode").value(false))
                .andExpect(jsonPath("$.currencies[?(@.currency == 'EUR')].recurring.arrMinor")
                        .value(org.hamcrest.Matchers.contains((int) arr)))
                .andExpect(jsonPath("$.currencies[?(@.currency == 'EUR')].recurring.mrrMinor")
                        .value(org.hamcrest.Matchers.contains((int) RecurringRevenue.monthly(arr))))
                .andExpect(jsonPath("$.currencies[?(@.currency == 'EUR')].campaigns[*]")
                        .value(org.hamcrest.Matchers.hasItems(north.slug(), south.slug())))
                .andExpect(jsonPath("$.currencies[?(@.currency == 'USD')]").isNotEmpty());
        String page = mvc.perform(get("/staff/recurring")
                        .param("currency", "eur")
                        .with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("all campaigns in EUR")
                .contains("data-testid=\"currencies\"")
                .contains("/staff/recurring.csv?currency=EUR");
        String csv = mvc.perform(get("/staff/recurring.csv")
                        .param("currency", "EUR")
                        .with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv.lines().toList()).hasSize(RecurringRevenue.MONTHS + 1);
        assertThat(csv.lines().skip(1).findFirst().orElseThrow())
                .startsWith("*,")
                .contains(",false,EUR," + RecurringRevenue.monthly(arr) + ",");
        mvc.perform(get("/staff/recurring/cohorts.csv")
                        .param("currency", "EUR")
                        .with(user("staff").roles("STAFF")))
                .andExpect(status().isOk());
        mvc.perform(get("/staff/recurring.csv")
                        .param("currency", "XYZ")
                        .with(user("staff").roles("STAFF")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theRecurringViewIsForStaffAndNamesABadMode() throws Exception {
        Campaign campaign = campaign("recurring-view-access");
        mvc.perform(get("/api/staff/campaigns/" + campaign.slug() + "/recurring"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/staff/campaigns/" + campaign.slug() + "/recurring?mode=both")
                        .header("Authorization", StaffAccounts.bearer(StaffAccounts.ADMIN_TOKEN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("mode"));
        mvc.perform(get("/api/staff/campaigns/nope/recurring")
                        .header("Authorization", StaffAccounts.bearer(StaffAccounts.ADMIN_TOKEN)))
                .andExpect(status().isNotFound());
    }
}
