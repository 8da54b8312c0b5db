package org.goalpost.staff;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.goalpost.payment.stripe.StripeJson.event;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
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
import jakarta.servlet.http.Cookie;
import org.springframework.test.context.TestPropertySource;

/**
 * Refunds and offline gifts end to end: staff API and pages, the real database, and Stripe's HTTP
 * boundary stubbed with Stripe-shaped bodies. Money moves only when Stripe reports it (refunds) or
 * at once (offline gifts), and a rejected request changes nothing.
 */
@TestPropertySource(properties = {StaffAccounts.ADMIN_EMAIL_SETTING, StaffAccounts.ADMIN_PASSWORD_SETTING,
        StaffAccounts.ADMIN_TOKEN_SETTING})
class StaffMoneyFlowsTest extends StripeAppTestBase {

    private static final String ADMIN = StaffAccounts.bearer(StaffAccounts.ADMIN_TOKEN);

    @Autowired
    LedgerCheck ledgerCheck;

    record Paid(Campaign campaign, Donation donation, String intent, String charge) {
    }

    /** A one-time donation paid through Checkout, reported by Stripe's webhook. */
    private Paid paid(String prefix, long amount, long fee) throws Exception {
        Campaign campaign = campaign(prefix);
        Donation donation = pendingDonation(campaign, DonationInterval.ONCE, amount, "reader@example.org");
        String intent = id("pi");
        String charge = id("ch");
        STRIPE.putPaymentIntent(StripeJson.paymentIntent(intent, charge, amount, fee, "usd", donation.publicId(), now()));
        deliver(event(id("evt"), "checkout.session.completed", StripeJson.session(id("cs_test"), "payment", "paid", "complete", intent, null,
                donation.publicId(), amount, "usd", "reader@example.org", now()), now())).andExpect(status().isOk());
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
        String body = mvc.perform(post("/api/staff/donations/" + paid.donation().publicId() + "/refunds").header("Authorization", ADMIN)
                        .header("Idempotency-Key", "refund-attempt-1").contentType(MediaType.APPLICATION_JSON).content("{\"amountMinor\":1500}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.donationId").value(paid.donation().publicId()))
                .andExpect(jsonPath("$.amountMinor").value(1500))
                .andExpect(jsonPath("$.status").value("succeeded"))
                .andReturn().getResponse().getContentAsString();
        String refundId = JsonPath.read(body, "$.refundId");
        assertThat(testTotals(paid.campaign()).raisedMinor()).as("not before Stripe reports the refund").isEqualTo(5_000);

        LoggedRequest call = refundCalls().get(0);
        assertThat(call.getBodyAsString()).contains("payment_intent=" + paid.intent()).contains("amount=1500");
        assertThat(call.getHeader("Idempotency-Key")).contains("refund-attempt-1");

        // the same request again (a retried script, a double click) is the same refund at Stripe
        mvc.perform(post("/api/staff/donations/" + paid.donation().publicId() + "/refunds").header("Authorization", ADMIN)
                        .header("Idempotency-Key", "refund-attempt-1").contentType(MediaType.APPLICATION_JSON).content("{\"amountMinor\":1500}"))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.refundId").value(refundId));
        assertThat(refundCalls()).hasSize(2).allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(call.getHeader("Idempotency-Key")));

        Map<String, Object> refund = StripeJson.refund(refundId, paid.charge(), paid.intent(), 1_500, "usd", "succeeded", now());
        Map<String, Object> created = event(id("evt"), "refund.created", refund, now());
        deliver(created).andExpect(jsonPath("$.result").value("applied"));
        deliver(created).andExpect(status().isOk());
        deliver(event(id("evt"), "charge.refunded", StripeJson.charge(paid.charge(), paid.intent(), 5_000, 1_500, "usd", now()), now()))
                .andExpect(jsonPath("$.result").value("no_effect"));

        mvc.perform(get("/api/staff/campaigns/" + paid.campaign().slug() + "/totals?mode=test").header("Authorization", ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grossMinor").value(5_000))
                .andExpect(jsonPath("$.refundedMinor").value(1_500))
                .andExpect(jsonPath("$.raisedMinor").value(3_500))
                .andExpect(jsonPath("$.feesMinor").value(175))
                .andExpect(jsonPath("$.donations").value(1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'refund.requested' AND target = ? AND actor LIKE 'token:%'")
                .param(paid.donation().publicId()).query(Long.class).single()).isEqualTo(2);
        assertThat(ledgerCheck.run().consistent()).isTrue();
    }

    @Test
    void aRefundTooLargeOrOfAnUnknownDonationIsRefusedWithoutCallingStripe() throws Exception {
        Paid paid = paid("bad-refund", 2_000, 88);
        mvc.perform(post("/api/staff/donations/" + paid.donation().publicId() + "/refunds").header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amountMinor\":2001}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("amountMinor"));
        mvc.perform(post("/api/staff/donations/" + paid.donation().publicId() + "/refunds").header("Authorization", ADMIN)
                .contentType(MediaType.APPLICATION_JSON).content("{\"amountMinor\":\"ten\"}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/staff/donations/d_doesnotexist/refunds").header("Authorization", ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(refundCalls()).isEmpty();
        assertThat(testTotals(paid.campaign()).raisedMinor()).isEqualTo(2_000);
    }

    @Test
    void whenStripeFailsTheRefundIsReportedAsFailedAndNothingMoves() throws Exception {
        Paid paid = paid("down-refund", 3_000, 117);
        STRIPE.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/v1/refunds")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"Something went wrong on Stripe's end.\"}}")));
        mvc.perform(post("/api/staff/donations/" + paid.donation().publicId() + "/refunds").header("Authorization", ADMIN))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(refundCalls()).as("retried with the same idempotency key").isNotEmpty()
                .extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(refundCalls().get(0).getHeader("Idempotency-Key"));

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
        mvc.perform(post("/staff/donations/" + paid.donation().publicId() + "/refund").cookie(admin).with(csrf())
                        .param("amount", "").param("requestKey", "form-key-1"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("the totals change when the payment provider confirms it")));
        assertThat(refundCalls()).singleElement().satisfies(r -> assertThat(r.getBodyAsString()).contains("amount=4000"));
        assertThat(testTotals(paid.campaign()).raisedMinor()).isEqualTo(4_000);

        deliver(event(id("evt"), "charge.refunded", StripeJson.charge(paid.charge(), paid.intent(), 4_000, 4_000, "usd", now()), now()))
                .andExpect(jsonPath("$.result").value("applied"));
        assertThat(testTotals(paid.campaign()).raisedMinor()).isZero();
        assertThat(testTotals(paid.campaign()).refundedMinor()).isEqualTo(4_000);

        // a refund amount that is not a number gets a readable message, not an error page
        mvc.perform(post("/staff/donations/" + paid.donation().publicId() + "/refund").cookie(admin).with(csrf()).param("amount", "lots"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Write the amount as a number")));
    }

    @Test
    void anOfflineGiftFromTheApiCountsAtOnceAndIsCorrectedOnlyByAReversingRow() throws Exception {
        Campaign campaign = campaign("api-gift");
        long rowsBefore = ledgerRows();
        mvc.perform(post("/api/staff/campaigns/" + campaign.slug() + "/offline-gifts").header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"amountMinor\":-5,\"method\":\"bitcoin\",\"receivedOn\":\"2999-01-01\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("amountMinor", "method", "receivedOn")));
        assertThat(ledgerRows()).isEqualTo(rowsBefore);

        String body = mvc.perform(post("/api/staff/campaigns/" + campaign.slug() + "/offline-gifts").header("Authorization", ADMIN)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"amountMinor":12500,"method":"cheque","donorName":"Ada Lovelace","donorEmail":"ada@example.org",
                                 "receivedOn":"2026-11-20","note":"handed over at the gala"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.amountMinor").value(12_500))
                .andExpect(jsonPath("$.currency").value("USD"))
                .andReturn().getResponse().getContentAsString();
        String gift = JsonPath.read(body, "$.donationId");
        PeriodTotals figures = testTotals(campaign);
        assertThat(figures.raisedMinor()).isEqualTo(12_500);
        assertThat(figures.donorCount()).isEqualTo(1);
        assertThat(figures.donationCount()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT recorded_by FROM ledger_entry WHERE kind = 'OFFLINE_GIFT' AND campaign_id = ?").param(campaign.id())
                .query(String.class).single()).startsWith("token:");

        Cookie admin = StaffAccounts.loginAsAdmin(mvc);
        mvc.perform(post("/staff/donations/" + gift + "/reverse").cookie(admin).with(csrf()).param("reason", "cheque bounced"))
                .andExpect(status().isOk());
        assertThat(testTotals(campaign).raisedMinor()).isZero();
        assertThat(jdbc.sql("SELECT kind, amount_minor FROM ledger_entry WHERE campaign_id = ? ORDER BY id").param(campaign.id())
                .query((rs, n) -> rs.getString(1) + " " + rs.getLong(2)).list())
                .containsExactly("OFFLINE_GIFT 12500", "ADJUSTMENT -12500");
        mvc.perform(post("/staff/donations/" + gift + "/reverse").cookie(admin).with(csrf()).param("reason", "again"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("already reversed")));
        mvc.perform(get("/staff/donations/" + gift).cookie(admin)).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("data-testid=\"reverse\""))));
        assertThat(testTotals(campaign).raisedMinor()).isZero();
        assertThat(ledgerCheck.run().consistent()).isTrue();
    }

    @Test
    void anOfflineGiftFromTheStaffFormKeepsWhatWasTypedWhenRejected() throws Exception {
        Campaign campaign = campaign("form-gift");
        Cookie admin = StaffAccounts.loginAsAdmin(mvc);
        mvc.perform(post("/staff/offline-gifts").cookie(admin).with(csrf()).param("campaign", campaign.slug()).param("amount", "two hundred")
                        .param("method", "cash").param("donorName", "Grace Hopper").param("note", "in the tin"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("write the amount as a number")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Grace Hopper")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("in the tin")));
        assertThat(testTotals(campaign).raisedMinor()).isZero();

        mvc.perform(post("/staff/offline-gifts").cookie(admin).with(csrf()).param("campaign", campaign.slug()).param("amount", "1,250.50")
                        .param("method", "bank_transfer").param("donorName", "Grace Hopper").param("receivedOn", "2026-11-02"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", org.hamcrest.Matchers.matchesPattern("/staff/donations/.+\\?recorded")));
        assertThat(testTotals(campaign).raisedMinor()).isEqualTo(125_050);
    }
}
