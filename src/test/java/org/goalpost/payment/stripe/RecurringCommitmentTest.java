package org.goalpost.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goalpost.payment.stripe.StripeJson.event;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import org.goalpost.campaign.Campaign;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationInterval;
import org.goalpost.donation.DonationStatus;
import org.goalpost.testing.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * What recurring donors have committed, monthly and yearly gifts together: committed monthly (monthly
 * recurring revenue) is the collecting monthly amounts plus a twelfth of the yearly ones, summed exactly
 * and rounded once, half up; committed yearly is exact. Paused and canceled gifts are in neither.
 */
@TestPropertySource(
        properties = {
            StaffAccounts.ADMIN_EMAIL_SETTING,
            StaffAccounts.ADMIN_PASSWORD_SETTING,
            StaffAccounts.ADMIN_TOKEN_SETTING
        })
class RecurringCommitmentTest extends StripeAppTestBase {

    /** A donation of {@code interval} whose subscription Stripe reports once, in {@code status}. */
    private Donation reported(Campaign campaign, DonationInterval interval, long amount, String status, boolean paused)
            throws Exception {
        Donation donation = pendingDonation(campaign, interval, amount, null);
        String subscription = id("sub");
        donations.linkSubscription(donation, subscription);
        donations.moveTo(donation, DonationStatus.SUCCEEDED);
        Map<String, Object> object =
                StripeJson.subscription(subscription, status, donation.publicId(), amount, "usd", interval.word());
        object.put(
                "pause_collection", paused ? StripeJson.map("behavior", "void", "resumes_at", now() + 86_400) : null);
        String type = "canceled".equals(status) ? "customer.subscription.deleted" : "customer.subscription.updated";
        deliver(event(id("evt"), type, object, now())).andExpect(status().isOk());
        return donations.find(donation.id()).orElseThrow();
    }

    @Test
    void committedMonthlyCountsATwelfthOfEachYearlyGiftRoundedOnceAndCommittedYearlyIsExact() throws Exception {
        Campaign campaign = campaign("sub-yearly");
        reported(campaign, DonationInterval.MONTH, 1_000, "active", false);
        reported(campaign, DonationInterval.YEAR, 1_000, "active", false);
        reported(campaign, DonationInterval.YEAR, 1_000, "past_due", false);
        // neither a paused nor a canceled gift is committed
        reported(campaign, DonationInterval.YEAR, 50_000, "active", true);
        reported(campaign, DonationInterval.YEAR, 70_000, "canceled", false);
        reported(campaign, DonationInterval.MONTH, 9_000, "active", true);

        // 1,000 + (1,000 + 1,000) / 12 = 1,166.67: rounded once to 1,167 (a twelfth of each, rounded, is 83 + 83)
        assertThat(donations.committedMonthly(campaign.id(), false)).isEqualTo(1_167);
        assertThat(donations.committedYearly(campaign.id(), false)).isEqualTo(12 * 1_000 + 1_000 + 1_000);
        mvc.perform(get("/api/staff/campaigns/" + campaign.slug() + "/totals?mode=test")
                        .header("Authorization", StaffAccounts.bearer(StaffAccounts.ADMIN_TOKEN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.committedMonthlyMinor").value(1_167))
                .andExpect(jsonPath("$.committedYearlyMinor").value(14_000));
        // one more yearly gift of 5 $ takes the exact sum to 2,005 / 12 = 167.08: still 1,167
        reported(campaign, DonationInterval.YEAR, 5, "active", false);
        assertThat(donations.committedMonthly(campaign.id(), false)).isEqualTo(1_167);
        assertThat(donations.committedYearly(campaign.id(), false)).isEqualTo(14_005);
    }

    @Test
    void aSwitchFromMonthlyToYearlyAtStripeIsTheNewestStateAndMovesTheFigures() throws Exception {
        Campaign campaign = campaign("sub-switch");
        Donation monthly = reported(campaign, DonationInterval.MONTH, 1_000, "active", false);
        assertThat(donations.committedYearly(campaign.id(), false)).isEqualTo(12_000);
        Map<String, Object> yearly =
                StripeJson.subscription(monthly.subscriptionId(), "active", monthly.publicId(), 10_000, "usd", "year");
        deliver(event(id("evt"), "customer.subscription.updated", yearly, now() + 60))
                .andExpect(status().isOk());
        assertThat(donations.find(monthly.id()).orElseThrow()).satisfies(d -> {
            assertThat(d.interval()).isEqualTo(DonationInterval.YEAR);
            assertThat(d.amount().minor()).isEqualTo(10_000);
        });
        assertThat(donations.committedYearly(campaign.id(), false)).isEqualTo(10_000);
        assertThat(donations.committedMonthly(campaign.id(), false)).isEqualTo(833);
        // the monthly state, delivered late, changes nothing
        Map<String, Object> old =
                StripeJson.subscription(monthly.subscriptionId(), "active", monthly.publicId(), 1_000, "usd", "month");
        deliver(event(id("evt"), "customer.subscription.updated", old, now() - 60))
                .andExpect(status().isOk());
        assertThat(donations.find(monthly.id()).orElseThrow().interval()).isEqualTo(DonationInterval.YEAR);
    }
}
