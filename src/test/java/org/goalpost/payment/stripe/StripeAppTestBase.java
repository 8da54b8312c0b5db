package org.goalpost.payment.stripe;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.stripe.net.Webhook;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.campaign.PeriodKey;
import org.goalpost.campaign.TestCampaigns;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationChannel;
import org.goalpost.donation.DonationInterval;
import org.goalpost.donation.DonationStatus;
import org.goalpost.donation.Donations;
import org.goalpost.donation.NewDonation;
import org.goalpost.donation.PeriodTotals;
import org.goalpost.donation.Totals;
import org.goalpost.testing.AppTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The whole app with Stripe configured against {@link FakeStripe}: a test key, two webhook secrets
 * (the current one and one being rotated out), one network retry, short timeouts.
 */
@AppTest
@TestPropertySource(
        properties = {
            "goalpost.stripe.secret-key=sk_test_goalpost_tests",
            "goalpost.stripe.webhook-secret=" + StripeAppTestBase.SECRET + "," + StripeAppTestBase.OLD_SECRET,
            "goalpost.stripe.max-network-retries=2",
            "goalpost.stripe.read-timeout=2s",
            "goalpost.stripe.health-cache=0s",
            "goalpost.payments.reconcile-enabled=false",
            "goalpost.payments.public-url=https://give.example.org"
        })
public abstract class StripeAppTestBase {

    public static final String SECRET = "whsec_test_current";
    public static final String OLD_SECRET = "whsec_test_previous";
    protected static final FakeStripe STRIPE = new FakeStripe();

    @DynamicPropertySource
    static void stripeApi(DynamicPropertyRegistry registry) {
        registry.add("goalpost.stripe.api-base", STRIPE::url);
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected Campaigns campaigns;

    @Autowired
    protected Donations donations;

    @Autowired
    protected Totals totals;

    @Autowired
    protected JdbcClient jdbc;

    /**
     * A fresh Stripe, and a reconciler that has neither read the event list yet nor parked anything (tests
     * share a database).
     */
    @BeforeEach
    void resetStripe() {
        STRIPE.reset();
        jdbc.sql("DELETE FROM reconcile_checkpoint").update();
        jdbc.sql("DELETE FROM reconcile_parked").update();
    }

    private static final java.util.concurrent.atomic.AtomicInteger ADDRESS =
            new java.util.concurrent.atomic.AtomicInteger(1);

    /** A new campaign, active (taking donations, on the public read path). */
    protected Campaign active(String prefix) {
        Campaign campaign = campaign(prefix);
        campaigns.changeStatus(campaign.slug(), "active");
        return campaigns.find(campaign.slug()).orElseThrow();
    }

    /** A request from a client address of its own, clear of the per-address bounds that other requests used. */
    protected static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder from(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) {
        int n = ADDRESS.incrementAndGet();
        return request.with(r -> {
            r.setRemoteAddr("10.15." + (n / 250) + "." + (n % 250 + 1));
            return r;
        });
    }

    protected Campaign campaign(String prefix) {
        return campaigns.create(TestCampaigns.draft(TestCampaigns.uniqueSlug(prefix), 100_000, 500_000));
    }

    protected Donation pendingDonation(Campaign campaign, DonationInterval interval, long amount, String email) {
        return donations.open(
                new NewDonation(
                        campaign.id(),
                        DonationChannel.STRIPE,
                        new NewDonation.Charge(interval, campaign.money(amount), campaign.money(amount), false, false),
                        new NewDonation.Giver(null, email, false, null, false),
                        null,
                        null),
                DonationStatus.PENDING);
    }

    protected PeriodTotals testTotals(Campaign campaign) {
        return totals.of(campaign, PeriodKey.ALL, false);
    }

    protected static String id(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    protected static long now() {
        return Instant.now().getEpochSecond();
    }

    protected ResultActions deliver(Map<String, Object> event) throws Exception {
        return deliver(StripeJson.write(event), SECRET, now());
    }

    protected ResultActions deliver(String payload, String secret, long signedAt) throws Exception {
        return mvc.perform(post("/stripe/webhook")
                .contentType(MediaType.APPLICATION_JSON)
                .header("Stripe-Signature", sign(payload, secret, signedAt))
                .content(payload));
    }

    protected static String sign(String payload, String secret, long signedAt) throws Exception {
        return Webhook.Signature.generateSignatureHeader(payload, secret, signedAt);
    }

    protected long inboxCount() {
        return jdbc.sql("SELECT COUNT(*) FROM inbox_event").query(Long.class).single();
    }

    protected List<String> ledgerKinds(Donation donation) {
        return jdbc.sql("SELECT kind FROM ledger_entry WHERE donation_id = ? ORDER BY id")
                .param(donation.id())
                .query(String.class)
                .list();
    }
}
