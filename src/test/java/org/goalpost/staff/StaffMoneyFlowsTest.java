package org.goalpost.staff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.goalpost.payment.stripe.StripeJson.event;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Map;
import org.goalpost.campaign.Campaign;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationInterval;
import org.goalpost.donation.LedgerCheck;
import org.goalpost.donation.PeriodTotals;
import org.goalpost.payment.stripe.StripeAppTestBase;
import org.goalpost.payment.stripe.StripeJson;
import org.goalpost.testing.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * Refunds and offline gifts end to end: staff API and pages, the real database, and Stripe's HTTP
 * boundary stubbed with Stripe-shaped bodies. Money moves only when Stripe reports it (refunds) or
 * at once (offline gifts), and a rejected request changes nothing.
 */
@TestPropertySource(
        properties = {
            StaffAccounts.ADMIN_EMAIL_SETTING,
            StaffAccounts.ADMIN_PASSWORD_SETTING,
            StaffAccounts.ADMIN_TOKEN_SETTING
        })
class StaffMoneyFlowsTest extends StripeAppTestBase {

    private static final String ADMIN = StaffAccounts.bearer(StaffAccounts.ADMIN_TOKEN);

    @Autowired
    LedgerCheck ledgerCheck;

    record Paid(Campaign campaign, Donation donation, String intent, String charge) {}

    /** A one-time donation paid through Checkout, reported by Stripe's webhook. */
    private Paid paid(String prefix, long amount, long fee) throws Exception {
        Campaign campaign = campaign(prefix);
        Donation donation = pendingDonation(campaign, DonationInterval.ONCE, amount, "reader@example.org");
        String intent = id("pi");
        String charge = id("ch");
        STRIPE.putPaymentIntent(
                StripeJson.paymentIntent(intent, charge, amount, fee, "usd", donation.publicId(), now()));
        deliver(event(
                        id("evt"),
                        "checkout.session.completed",
                        StripeJson.paidSession(intent, donation.publicId(), amount, "reader@example.org", now()),
                        now()))
                .andExpect(status().isOk());
        assertThat(testTotals(campaign).raisedMinor()).isEqualTo(amount);
        return new Paid(campaign, donation, intent, charge);
    }

    private List<LoggedRequest> refundCalls() {
        return STRIPE.requests(RequestMethod.POST, "/v1/refunds");
    }

    private long ledgerRows() {
        return jdbc.sql("SELECT COUNT(*) FROM ledger_entry").query(Long.class).single();
    }

    @Test
    void aPartialRefundFromTheApiReachesStripeOnceAndCountsWhenStripeReportsIt() throws Exception {
        Paid paid = paid("api-refund", 5_000, 175);
        String body = mvc.perform(post("/api/staff/donations/" + paid.donation().publicId() + "/refunds")
                        .header("Authorization", ADMIN)
                        .header("Idempotency-Key", "refund-attempt-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountMinor\":1500}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.donationId").value(paid.donation().publicId()))
                .andExpect(jsonPath("$.amountMinor").value(1500))
                .andExpect(jsonPath("$.status").value("succeeded"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String refundId = JsonPath.read(body, "$.refundId");
        assertThat(testTotals(paid.campaign()).raisedMinor())
                .as("not before Stripe reports the refund")
                .isEqualTo(5_000);

        LoggedRequest call = refundCalls().get(0);
        assertThat(call.getBodyAsString())
                .contains("payment_intent=" + paid.intent())
                .contains("amount=1500");
        assertThat(call.getHeader("Idempotency-Key")).contains("refund-attempt-1");

        // the same request again (a retried script, a double click) is the same refund at Stripe
        mvc.perform(post("/api/staff/donations/" + paid.donation().publicId() + "/refunds")
                        .header("Authorization", ADMIN)
                        .header("Idempotency-Key", "refund-attempt-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountMinor\":1500}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.refundId").value(refundId));
        assertThat(refundCalls())
                .hasSize(2)
                .allSatisfy(
                        r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(call.getHeader("Idempotency-Key")));

        Map<String, Object> refund =
                StripeJson.refund(refundId, paid.charge(), paid.intent(), 1_500, "usd", "succeeded", now());
        Map<String, Object> created = event(id("evt"), "refund.created", refund, now());
        deliver(created).andExpect(jsonPath("$.result").value("applied"));
        deliver(created).andExpect(status().isOk());
        deliver(event(
                        id("evt"),
                        "charge.refunded",
                        StripeJson.charge(paid.charge(), paid.intent(), 5_000, 1_500, "usd", now()),
                        now()))
                .andExpect(jsonPath("$.result").value("no_effect"));

        mvc.perform(get("/api/staff/campaigns/" + paid.campaign().slug() + "/totals?mode=test")
                        .header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grossMinor").value(5_000))
                .andExpect(jsonPath("$.refundedMinor").value(1_500))
                .andExpect(jsonPath("$.raisedMinor").value(3_500))
                .andExpect(jsonPath("$.feesMinor").value(175))
                .andExpect(jsonPath("$.donations").value(1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'refund.requested' AND "
                                + "target = ? AND actor LIKE 'token:%'")
                        .param(paid.donation().publicId())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(ledgerCheck.run().consistent()).isTrue();
    }

    @Test
    void aRefundTooLargeOrOfAnUnknownDonationIsRefusedWithoutCallingStripe() throws Exception {
        Paid paid = paid("bad-refund", 2_000, 88);
        mvc.perform(post("/api/staff/donations/" + paid.donation().publicId() + "/refunds")
                        .header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountMinor\":2001}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("amountMinor"));
        mvc.perform(post("/api/staff/donations/" + paid.donation().publicId() + "/refunds")
                        .header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountMinor\":\"ten\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/staff/donations/d_doesnotexist/refunds").header("Authorization", ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(refundCalls()).isEmpty();
        assertThat(testTotals(paid.campaign()).raisedMinor()).isEqualTo(2_000);
    }

    @Test
    void whenStripeFailsTheRefundIsReportedAsFailedAndNothingMoves() throws Exception {
        Paid paid = paid("down-refund", 3_000, 117);
        STRIPE.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/v1/refunds"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"Something "
                                + "went wrong on Stripe's end.\"}}")));
        mvc.perform(post("/api/staff/donations/" + paid.donation().publicId() + "/refunds")
                        .header("Authorization", ADMIN))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(refundCalls())
                .as("retried with the same idempotency key")
                .isNotEmpty()
                .extracting(r -> r.getHeader("Idempotency-Key"))
                .containsOnly(refundCalls().get(0).getHeader("Idempotency-Key"));

        PeriodTotals figures = testTotals(paid.campaign());
        assertThat(figures.raisedMinor()).isEqualTo(3_000);
        assertThat(figures.refundedMinor()).isZero();
    }

    @Test
    void aFullRefundFromTheDonationPage() throws Exception {
        Paid paid = paid("page-refund", 4_000, 146);
        Cookie admin = StaffAccounts.loginAsAdmin(mvc);
        mvc.perform(get("/staff/donations/" + paid.donation().publicId()).cookie(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(paid.intent())));
        mvc.perform(post("/staff/donations/" + paid.donation().publicId() + "/refund")
                        .cookie(admin)
                        .with(csrf())
                        .param("amount", "")
                        .param("requestKey", "form-key-1"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "the totals change when the payment provider confirms it")));
        assertThat(refundCalls())
                .singleElement()
                .satisfies(r -> assertThat(r.getBodyAsString()).contains("amount=4000"));
        assertThat(testTotals(paid.campaign()).raisedMinor()).isEqualTo(4_000);

        deliver(event(
                        id("evt"),
                        "charge.refunded",
                        StripeJson.charge(paid.charge(), paid.intent(), 4_000, 4_000, "usd", now()),
                        now()))
                .andExpect(jsonPath("$.result").value("applied"));
        assertThat(testTotals(paid.campaign()).raisedMinor()).isZero();
        assertThat(testTotals(paid.campaign()).refundedMinor()).isEqualTo(4_000);

        // a refund amount that is not a number gets a readable message, not an error page
        mvc.perform(post("/staff/donations/" + paid.donation().publicId() + "/refund")
                        .cookie(admin)
                        .with(csrf())
                        .param("amount", "lots"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Write the amount as a number")));
    }

    @Test
    void anOfflineGiftFromTheApiCountsAtOnceAndIsCorrectedOnlyByAReversingRow() throws Exception {
        Campaign campaign = campaign("api-gift");
        long rowsBefore = ledgerRows();
        mvc.perform(post("/api/staff/campaigns/" + campaign.slug() + "/offline-gifts")
                        .header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountMinor\":-5,\"method\":\"bitcoin\",\"receivedOn\":\"2999-01-01\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("amountMinor", "method", "receivedOn")));
        assertThat(ledgerRows()).isEqualTo(rowsBefore);

        String body = mvc.perform(post("/api/staff/campaigns/" + campaign.slug() + "/offline-gifts")
                        .header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"amountMinor":12500,"method":"cheque","donorName":"Ada Lovelace",
                                 "donorEmail":"ada@example.org",
                                 "receivedOn":"2026-11-20","note":"handed over at the gala"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.amountMinor").value(12_500))
                .andExpect(jsonPath("$.currency").value("USD"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String gift = JsonPath.read(body, "$.donationId");
        PeriodTotals figures = testTotals(campaign);
        assertThat(figures.raisedMinor()).isEqualTo(12_500);
        assertThat(figures.donorCount()).isEqualTo(1);
        assertThat(figures.donationCount()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT recorded_by FROM ledger_entry WHERE kind = 'OFFLINE_GIFT' AND campaign_id = ?")
                        .param(campaign.id())
                        .query(String.class)
                        .single())
                .startsWith("token:");

        Cookie admin = StaffAccounts.loginAsAdmin(mvc);
        mvc.perform(post("/staff/donations/" + gift + "/reverse")
                        .cookie(admin)
                        .with(csrf())
                        .param("reason", "cheque bounced"))
                .andExpect(status().isOk());
        assertThat(testTotals(campaign).raisedMinor()).isZero();
        assertThat(jdbc.sql("SELECT kind, amount_minor FROM ledger_entry WHERE campaign_id = ? ORDER BY id")
                        .param(campaign.id())
                        .query((rs, n) -> rs.getString(1) + " " + rs.getLong(2))
                        .list())
                .containsExactly("OFFLINE_GIFT 12500", "ADJUSTMENT -12500");
        mvc.perform(post("/staff/donations/" + gift + "/reverse")
                        .cookie(admin)
                        .with(csrf())
                        .param("reason", "again"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("already reversed")));
        mvc.perform(get("/staff/donations/" + gift).cookie(admin))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.containsString("data-testid=\"reverse\""))));
        assertThat(testTotals(campaign).raisedMinor()).isZero();
        assertThat(ledgerCheck.run().consistent()).isTrue();
    }

    @Test
    void anOfflineGiftFromTheStaffFormKeepsWhatWasTypedWhenRejected() throws Exception {
        Campaign campaign = campaign("form-gift");
        Cookie admin = StaffAccounts.loginAsAdmin(mvc);
        mvc.perform(post("/staff/offline-gifts")
                        .cookie(admin)
                        .with(csrf())
                        .param("campaign", campaign.slug())
                        .param("amount", "two hundred")
                        .param("method", "cash")
                        .param("donorName", "Grace Hopper")
                        .param("note", "in the tin"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("write the amount as a number")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Grace Hopper")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("in the tin")));
        assertThat(testTotals(campaign).raisedMinor()).isZero();

        mvc.perform(post("/staff/offline-gifts")
                        .cookie(admin)
                        .with(csrf())
                        .param("campaign", campaign.slug())
                        .param("amount", "1,250.50")
                        .param("method", "bank_transfer")
                        .param("donorName", "Grace Hopper")
                        .param("receivedOn", "2026-11-02"))
                .andExpect(status().isFound())
                .andExpect(header().string(
                                "Location", org.hamcrest.Matchers.matchesPattern("/staff/donations/.+\\?recorded")));
        assertThat(testTotals(campaign).raisedMinor()).isEqualTo(125_050);
    }

    @Test
    void aDoubleSubmittedOfflineGiftIsRecordedOnceFromTheFormAndFromTheApi() throws Exception {
        Campaign campaign = campaign("double-gift");
        Cookie admin = StaffAccounts.loginAsAdmin(mvc);
        String form = mvc.perform(get("/staff/offline-gifts/new").cookie(admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String key = form.replaceAll("(?s).*name=\"requestKey\" value=\"([^\"]+)\".*", "$1");
        assertThat(key).as("the form carries its own request key").matches("[0-9a-f-]{36}");
        String[] locations = new String[2];
        for (int i = 0; i < 2; i++) {
            locations[i] = mvc.perform(post("/staff/offline-gifts")
                            .cookie(admin)
                            .with(csrf())
                            .param("campaign", campaign.slug())
                            .param("amount", "250")
                            .param("method", "cheque")
                            .param("requestKey", key))
                    .andExpect(status().isFound())
                    .andReturn()
                    .getResponse()
                    .getRedirectedUrl();
        }
        assertThat(locations[1]).as("the second press finds the first gift").isEqualTo(locations[0]);
        assertThat(testTotals(campaign).raisedMinor()).isEqualTo(25_000);
        assertThat(testTotals(campaign).donationCount()).isEqualTo(1);

        String first = mvc.perform(post("/api/staff/campaigns/" + campaign.slug() + "/offline-gifts")
                        .header("Authorization", ADMIN)
                        .header("Idempotency-Key", "gift-import-7")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountMinor\":4000,\"method\":\"cash\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(post("/api/staff/campaigns/" + campaign.slug() + "/offline-gifts")
                        .header("Authorization", ADMIN)
                        .header("Idempotency-Key", "gift-import-7")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountMinor\":4000,\"method\":\"cash\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.donationId").value((String) JsonPath.read(first, "$.donationId")));
        assertThat(testTotals(campaign).raisedMinor()).isEqualTo(29_000);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'offline_gift.recorded' AND "
                                + "details LIKE ?")
                        .param(campaign.slug() + "%")
                        .query(Long.class)
                        .single())
                .as("each gift audited once")
                .isEqualTo(2);
        assertThat(ledgerCheck.run().consistent()).isTrue();
    }

    @Test
    void twoDeliberateEqualPartialRefundsAreTwoRefundsAndADoubleSubmitIsOne() throws Exception {
        Paid paid = paid("equal-refunds", 6_000, 204);
        Cookie admin = StaffAccounts.loginAsAdmin(mvc);
        for (String key : List.of("page-1", "page-1", "page-2")) {
            mvc.perform(post("/staff/donations/" + paid.donation().publicId() + "/refund")
                            .cookie(admin)
                            .with(csrf())
                            .param("amount", "10")
                            .param("requestKey", key))
                    .andExpect(status().isOk());
        }
        List<String> keys =
                refundCalls().stream().map(r -> r.getHeader("Idempotency-Key")).toList();
        String firstPage = "goalpost-refund-" + paid.intent() + "-key-page-1";
        String secondPage = "goalpost-refund-" + paid.intent() + "-key-page-2";
        // a double submit of one page is the same refund at Stripe; the same amount asked again from a fresh page is
        // another
        assertThat(keys).containsExactlyInAnyOrder(firstPage, firstPage, secondPage);
        assertThat(refundCalls())
                .allSatisfy(r -> assertThat(r.getBodyAsString()).contains("amount=1000"));
    }

    @Test
    void theCurrencyCannotChangeWhileCheckoutsAreOpenOrRecurringDonationsCollect() throws Exception {
        Campaign campaign = campaign("currency-lock");
        String euros =
                "{\"slug\":\"" + campaign.slug() + "\",\"title\":\"Lock\",\"currency\":\"EUR\",\"status\":\"active\","
                        + "\"tiers\":[{\"amountMinor\":100000,\"label\":\"One\"}]}";
        Donation open = pendingDonation(campaign, DonationInterval.ONCE, 1_000, null);
        donations.attachCheckout(
                open,
                "cs_test_open_" + open.id(),
                "https://checkout.stripe.test/open",
                java.time.Instant.now().plusSeconds(3_600));
        mvc.perform(put("/api/staff/campaigns/" + campaign.slug())
                        .header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(euros))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("currency"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value(org.hamcrest.Matchers.containsString("1 checkout(s) are open")));
        Cookie admin = StaffAccounts.loginAsAdmin(mvc);
        mvc.perform(post("/staff/campaigns/" + campaign.slug())
                        .cookie(admin)
                        .with(csrf())
                        .param("slug", campaign.slug())
                        .param("title", "Lock")
                        .param("currency", "EUR")
                        .param("status", "active")
                        .param("period", "none")
                        .param("timeZone", "UTC")
                        .param("countBasis", "gross")
                        .param("amountStyle", "locale")
                        .param("tiers[0].amount", "1000")
                        .param("tiers[0].label", "One"))
                .andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("checkout(s) are open")));
        assertThat(campaigns.find(campaign.slug()).orElseThrow().currency().getCurrencyCode())
                .isEqualTo("USD");

        // the checkout closed; a recurring donation still collecting holds it too
        donations.moveTo(open, org.goalpost.donation.DonationStatus.EXPIRED);
        Donation monthly = pendingDonation(campaign, DonationInterval.MONTH, 500, null);
        donations.linkSubscription(monthly, id("sub"));
        donations.moveTo(monthly, org.goalpost.donation.DonationStatus.SUCCEEDED);
        mvc.perform(put("/api/staff/campaigns/" + campaign.slug())
                        .header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(euros))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].message")
                        .value(org.hamcrest.Matchers.containsString("1 recurring donation(s)")));
        // once it ends, nothing holds the currency any more
        donations.subscriptionChanged(
                monthly.subscriptionId() == null
                        ? donations.find(monthly.id()).orElseThrow().subscriptionId()
                        : monthly.subscriptionId(),
                "canceled",
                null,
                null,
                false,
                null,
                java.time.Instant.now());
        mvc.perform(put("/api/staff/campaigns/" + campaign.slug())
                        .header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(euros))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.currency").value("EUR"));
    }

    @Test
    void aRefundAfterItsPaymentsMonthIsDrawnInsideThatMonthsChart() throws Exception {
        Campaign campaign = campaigns.create(org.goalpost.campaign.TestCampaigns.draft(
                org.goalpost.campaign.TestCampaigns.uniqueSlug("chart"), "USD", "monthly", "UTC", 100_000));
        Donation donation = pendingDonation(campaign, DonationInterval.ONCE, 8_000, null);
        String intent = id("pi");
        String charge = id("ch");
        long paidOct30 = java.time.Instant.parse("2026-10-30T15:00:00Z").getEpochSecond();
        long refundedNov3 = java.time.Instant.parse("2026-11-03T09:00:00Z").getEpochSecond();
        STRIPE.putPaymentIntent(
                StripeJson.paymentIntent(intent, charge, 8_000, 262, "usd", donation.publicId(), paidOct30));
        deliver(event(
                        id("evt"),
                        "checkout.session.completed",
                        StripeJson.paidSession(intent, donation.publicId(), 8_000, null, paidOct30),
                        paidOct30))
                .andExpect(status().isOk());
        deliver(event(
                        id("evt"),
                        "refund.created",
                        StripeJson.refund(id("re"), charge, intent, 3_000, "usd", "succeeded", refundedNov3),
                        refundedNov3))
                .andExpect(jsonPath("$.result").value("applied"));
        Cookie admin = StaffAccounts.loginAsAdmin(mvc);
        String chart = mvc.perform(get("/staff/campaigns/" + campaign.slug() + "/chart.json")
                        .param("period", "2026-10")
                        .cookie(admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Number> days = JsonPath.read(chart, "$.days");
        assertThat(days)
                .as("every day drawn is in October")
                .allSatisfy(day -> assertThat(
                                java.time.Instant.ofEpochSecond(day.longValue()).toString())
                        .startsWith("2026-10"));
        List<Number> cumulative = JsonPath.read(chart, "$.cumulative");
        assertThat(cumulative.get(cumulative.size() - 1).longValue())
                .as("October kept 5,000: the refund counts in its payment's month")
                .isEqualTo(5_000);
        assertThat(days).hasSize(2);
    }
}
