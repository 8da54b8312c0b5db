package org.goalpost.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goalpost.payment.stripe.StripeJson.event;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.goalpost.campaign.Campaign;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationChannel;
import org.goalpost.donation.DonationInterval;
import org.goalpost.donation.DonationStatus;
import org.goalpost.donation.NewDonation;
import org.goalpost.donation.PeriodTotals;
import org.goalpost.payment.stripe.StripeAppTestBase;
import org.goalpost.payment.stripe.StripeJson;
import org.goalpost.testing.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * A donor's privacy requests, by an ADMIN through the staff API: the export holds every donation
 * with its money movements and every email to the address; erasure takes out name, email and
 * message everywhere (the outbox included) and leaves amounts, ledger rows, totals and donor counts
 * exactly as they were; another donor is untouched; the audit log names a pseudonym only.
 */
@TestPropertySource(
        properties = {
            StaffAccounts.ADMIN_EMAIL_SETTING,
            StaffAccounts.ADMIN_PASSWORD_SETTING,
            StaffAccounts.ADMIN_TOKEN_SETTING,
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=9",
            "goalpost.receipts.poll=1h"
        })
class PrivacyRequestTest extends StripeAppTestBase {

    private static final String ADMIN = StaffAccounts.bearer(StaffAccounts.ADMIN_TOKEN);

    private Donation paid(Campaign campaign, String email, String name, String message, long amount) throws Exception {
        Donation donation = donations.open(
                new NewDonation(
                        campaign.id(),
                        DonationChannel.STRIPE,
                        new NewDonation.Charge(
                                DonationInterval.ONCE, campaign.money(amount), campaign.money(amount), false, false),
                        new NewDonation.Giver(name, email, false, message, false),
                        null,
                        null),
                DonationStatus.PENDING);
        String intent = id("pi");
        STRIPE.putPaymentIntent(
                StripeJson.paymentIntent(intent, id("ch"), amount, 40, "usd", donation.publicId(), now()));
        deliver(event(
                        id("evt"),
                        "checkout.session.completed",
                        StripeJson.paidSession(intent, donation.publicId(), amount, email, now()),
                        now()))
                .andExpect(jsonPath("$.result").value("applied"));
        return donation;
    }

    @Test
    void exportShowsEverythingAndErasureKeepsTheMoneyExact() throws Exception {
        Campaign campaign = campaign("privacy");
        paid(campaign, "ada.privacy@example.org", "Ada Lovelace", "For the night desk", 2_500);
        paid(campaign, "Ada.Privacy@Example.org", "Ada L.", null, 1_000);
        Donation bob = paid(campaign, "bob@example.org", "Bob", "Keep going", 700);
        PeriodTotals before = testTotals(campaign);
        long ledgerRows = jdbc.sql("SELECT COUNT(*) FROM ledger_entry WHERE campaign_id = ?")
                .param(campaign.id())
                .query(Long.class)
                .single();

        mvc.perform(get("/api/staff/privacy")
                        .param("email", "ADA.PRIVACY@example.org")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value("ada.privacy@example.org"))
                .andExpect(jsonPath("$.data.donations.items.length()").value(2))
                .andExpect(jsonPath("$.data.donations.items[0].name").value("Ada Lovelace"))
                .andExpect(jsonPath("$.data.donations.items[0].message").value("For the night desk"))
                .andExpect(jsonPath("$.data.donations.items[0].money[0].kind").value("PAYMENT"))
                .andExpect(jsonPath("$.data.donations.items[0].money[0].amountMinor")
                        .value(2_500))
                .andExpect(jsonPath("$.data.emails.items.length()").value(2))
                .andExpect(jsonPath("$.data.emails.items[0].kind").value("RECEIPT"));

        mvc.perform(post("/api/staff/privacy/erase")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"ada.privacy@example.org\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.erased.donations").value(3)) // two donations and the donor's address
                .andExpect(jsonPath("$.erased.emails").value(2));

        mvc.perform(get("/api/staff/privacy")
                        .param("email", "ada.privacy@example.org")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data").isEmpty());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM donation WHERE campaign_id = ? AND (LOWER(donor_email) "
                                + "LIKE 'ada%' OR donor_name LIKE 'Ada%' "
                                + "OR message LIKE '%night desk%')")
                        .param(campaign.id())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE LOWER(recipient) LIKE 'ada%'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM donation WHERE campaign_id = ? AND anonymous = TRUE")
                        .param(campaign.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        // the money is exactly as it was
        PeriodTotals after = testTotals(campaign);
        assertThat(after.raisedMinor()).isEqualTo(before.raisedMinor()).isEqualTo(4_200);
        assertThat(after.donationCount()).isEqualTo(before.donationCount());
        assertThat(after.donorCount()).isEqualTo(before.donorCount());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_entry WHERE campaign_id = ?")
                        .param(campaign.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(ledgerRows);

        // another donor is untouched
        assertThat(donations.find(bob.id()).orElseThrow().donorName()).isEqualTo("Bob");
        mvc.perform(get("/api/staff/privacy")
                        .param("email", "bob@example.org")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(jsonPath("$.data.donations.items[0].message").value("Keep going"));

        // audited under a pseudonym
        assertThat(jdbc.sql("SELECT target FROM audit_event WHERE action = 'privacy.erased'")
                        .query(String.class)
                        .list())
                .singleElement()
                .satisfies(
                        target -> assertThat(target).startsWith("email-sha256:").doesNotContain("ada"));
    }

    @Test
    void aMalformedAddressIsRefusedAndChangesNothing() throws Exception {
        mvc.perform(post("/api/staff/privacy/erase")
                        .header(HttpHeaders.AUTHORIZATION, ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"not an address\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("email"));
        mvc.perform(get("/api/staff/privacy").header(HttpHeaders.AUTHORIZATION, ADMIN))
                .andExpect(status().isUnprocessableContent());
    }
}
