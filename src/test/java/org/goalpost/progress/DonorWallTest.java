package org.goalpost.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goalpost.payment.stripe.StripeJson.event;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goalpost.campaign.Campaign;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationChannel;
import org.goalpost.donation.DonationInterval;
import org.goalpost.donation.DonationStatus;
import org.goalpost.donation.NewDonation;
import org.goalpost.payment.stripe.StripeAppTestBase;
import org.goalpost.payment.stripe.StripeJson;
import org.goalpost.testing.StaffAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * The campaign page's recent supporters: paid donations only, newest first, the name or
 * "Anonymous", the message escaped, the amount only where the donor allowed it; the form and the
 * API carry that consent; staff can hide an entry (audited) and show it again.
 */
@TestPropertySource(
        properties = {
            StaffAccounts.ADMIN_EMAIL_SETTING,
            StaffAccounts.ADMIN_PASSWORD_SETTING,
            StaffAccounts.ADMIN_TOKEN_SETTING
        })
class DonorWallTest extends StripeAppTestBase {

    private static final Pattern ENTRY =
            Pattern.compile("<li class=\"gp-wall-entry\" data-testid=\"wall-entry\">(.*?)</li>", Pattern.DOTALL);

    private Donation give(
            Campaign campaign,
            String name,
            boolean anonymous,
            String message,
            long amount,
            boolean showAmount,
            boolean pay)
            throws Exception {
        Donation donation = donations.open(
                new NewDonation(
                        campaign.id(),
                        DonationChannel.STRIPE,
                        new NewDonation.Charge(
                                DonationInterval.ONCE, campaign.money(amount), campaign.money(amount), false, false),
                        new NewDonation.Giver(name, null, anonymous, message, showAmount),
                        null,
                        null),
                DonationStatus.PENDING);
        if (pay) {
            String intent = id("pi");
            STRIPE.putPaymentIntent(
                    StripeJson.paymentIntent(intent, id("ch"), amount, 30, "usd", donation.publicId(), now()));
            deliver(event(
                            id("evt"),
                            "checkout.session.completed",
                            StripeJson.paidSession(intent, donation.publicId(), amount, null, now()),
                            now()))
                    .andExpect(jsonPath("$.result").value("applied"));
        }
        return donation;
    }

    private List<String> wall(Campaign campaign) throws Exception {
        String html = mvc.perform(get("/campaigns/" + campaign.slug()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher m = ENTRY.matcher(html);
        List<String> entries = new java.util.ArrayList<>();
        while (m.find()) {
            entries.add(m.group(1).replaceAll("\\s+", " ").strip());
        }
        return entries;
    }

    @Test
    void paidDonationsNewestFirstNamesMessagesOnlyAllowedAmountsAndAnonymousGiftsFolded() throws Exception {
        Campaign campaign = campaign("wall");
        give(campaign, "Ada", false, "For the night desk", 2_500, true, true);
        give(campaign, "Grace", true, "Quietly", 1_000, true, true);
        give(campaign, "Mallory", false, "<script>alert('x')</script><b>bold</b>", 700, false, true);
        give(campaign, "Pending Pete", false, "not paid", 5_000, true, false);

        give(campaign, null, false, "no name given", 900, false, true);
        give(campaign, "   ", false, null, 900, false, true);

        List<String> entries = wall(campaign);
        assertThat(entries).as("named supporters only").hasSize(2);
        assertThat(entries.get(0))
                .startsWith("<span class=\"gp-wall-name\">Mallory</span>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;")
                .doesNotContain("gp-wall-amount")
                .doesNotContain("<script>");
        assertThat(entries.get(1))
                .startsWith("<span class=\"gp-wall-name\">Ada</span>")
                .contains("<span class=\"gp-wall-amount\">$25</span>")
                .contains("<q class=\"gp-wall-message\">For the night desk</q>");
        String page = mvc.perform(get("/campaigns/" + campaign.slug()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .as("the anonymous gift, the nameless and the blank-named one fold into one line, messages unshown")
                .contains("data-testid=\"wall-others\">and 3 others this week</p>")
                .doesNotContain("Grace")
                .doesNotContain("Quietly")
                .doesNotContain("no name given");
        mvc.perform(get("/campaigns/" + campaign.slug()).header("Accept-Language", "de-DE"))
                .andExpect(content().string(containsString(">und 3 weitere diese Woche</p>")));

        // a campaign where nobody gave a name: one line
        Campaign quiet = campaign("wallquiet");
        give(quiet, "Hidden Hal", true, null, 500, false, true);
        assertThat(wall(quiet)).isEmpty();
        mvc.perform(get("/campaigns/" + quiet.slug()))
                .andExpect(content().string(containsString("data-testid=\"wall-others\">1 person gave this week</p>")));
    }

    @Test
    void theFormAndTheApiCarryTheDonorsConsentToShowTheAmount() throws Exception {
        Campaign campaign = campaign("wallconsent");
        mvc.perform(post("/campaigns/" + campaign.slug() + "/donate")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("amount=custom&customAmount=12&interval=once&showAmount=true"))
                .andExpect(status().isSeeOther());
        mvc.perform(post("/api/campaigns/" + campaign.slug() + "/checkout")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amountMinor\":1300,\"interval\":\"once\"}"))
                .andExpect(status().isCreated());
        assertThat(jdbc.sql("SELECT amount_minor, show_amount FROM donation WHERE campaign_id = ? ORDER BY id")
                        .param(campaign.id())
                        .query((rs, n) -> rs.getLong(1) + ":" + rs.getBoolean(2))
                        .list())
                .containsExactly("1200:true", "1300:false");
        mvc.perform(post("/api/campaigns/" + campaign.slug() + "/checkout")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"amountMinor\":1300,\"interval\":\"once\",\"message\":\"" + "x".repeat(501) + "\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("message"));
    }

    @Test
    void staffHideAnEntryAndShowItAgainAudited() throws Exception {
        Campaign campaign = campaign("wallhide");
        give(campaign, "Ada", false, null, 2_500, false, true);
        Donation rude = give(campaign, "Troll", false, "something rude", 100, false, true);
        assertThat(wall(campaign)).hasSize(2);

        Cookie admin = StaffAccounts.loginAsAdmin(mvc);
        mvc.perform(post("/staff/donations/" + rude.publicId() + "/wall")
                        .cookie(admin)
                        .with(csrf())
                        .param("visibility", "hidden"))
                .andExpect(status().isOk());
        assertThat(wall(campaign)).singleElement().satisfies(e -> assertThat(e).contains("Ada"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'donor_wall.hidden' AND target = ?")
                        .param(rude.publicId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(testTotals(campaign).raisedMinor())
                .as("hiding changes no money")
                .isEqualTo(2_600);

        mvc.perform(post("/staff/donations/" + rude.publicId() + "/wall")
                        .cookie(admin)
                        .with(csrf())
                        .param("visibility", "maybe"))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/staff/donations/" + rude.publicId() + "/wall")
                        .cookie(admin)
                        .with(csrf())
                        .param("visibility", "shown"))
                .andExpect(status().isOk());
        assertThat(wall(campaign)).hasSize(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'donor_wall.shown' AND target = ?")
                        .param(rude.publicId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
