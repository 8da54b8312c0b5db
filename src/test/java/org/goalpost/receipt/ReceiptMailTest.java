package org.goalpost.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goalpost.payment.stripe.StripeJson.event;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.goalpost.campaign.Campaign;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationInterval;
import org.goalpost.payment.stripe.StripeAppTestBase;
import org.goalpost.payment.stripe.StripeJson;
import org.goalpost.testing.SlowTest;
import org.goalpost.testing.Smtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Donor emails against a real SMTP server (GreenMail): a receipt for a counted payment, with the
 * organisation's name, address and tax id, the amount, date and campaign; one only, however often
 * Stripe delivers the event; a receipt per monthly instalment with how to manage it; a notice for
 * a failed instalment and for a refund. The webhook answers before any mail is sent, and a mail
 * the SMTP server refused is sent by a later attempt.
 */
@TestPropertySource(
        properties = {
            "spring.mail.host=127.0.0.1",
            "goalpost.receipts.organisation-name=The Daily Example",
            "goalpost.receipts.organisation-address=1 Press Street\\n12345 Newstown",
            "goalpost.receipts.tax-id=EIN 12-3456789",
            "goalpost.receipts.from=receipts@daily.example",
            "goalpost.receipts.reply-to=members@daily.example",
            "goalpost.receipts.poll=200ms",
            "goalpost.receipts.retry-base=300ms"
        })
@SlowTest
class ReceiptMailTest extends StripeAppTestBase {

    @RegisterExtension
    static final Smtp SMTP = new Smtp();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP.port);
    }

    private List<MimeMessage> mailTo(String recipient, int expected) throws Exception {
        return SMTP.to(recipient, expected);
    }

    private static String body(MimeMessage message) throws Exception {
        return Smtp.body(message);
    }

    private Map<String, Object> paid(Donation donation, String intent, long amount) {
        STRIPE.putPaymentIntent(StripeJson.paymentIntent(
                intent, "ch_" + intent.substring(3), amount, 60, "usd", donation.publicId(), now()));
        return event(
                id("evt"),
                "checkout.session.completed",
                StripeJson.paidSession(intent, donation.publicId(), amount, donation.donorEmail(), now()),
                now());
    }

    @Test
    void aCountedPaymentSendsOneReceiptHoweverOftenTheEventComes() throws Exception {
        Campaign campaign = campaign("receipt");
        Donation donation = pendingDonation(campaign, DonationInterval.ONCE, 2_500, "ada@example.org");
        String intent = id("pi");
        Map<String, Object> event = paid(donation, intent, 2_500);
        deliver(event).andExpect(status().isOk()).andExpect(jsonPath("$.result").value("applied"));
        long answered = System.nanoTime();
        assertThat(mailTo("ada@example.org", 1)).hasSize(1);
        System.out.printf(
                "ReceiptMailTest: the receipt reached the SMTP server %d ms after the webhook was answered%n",
                (System.nanoTime() - answered) / 1_000_000);
        deliver(event).andExpect(jsonPath("$.result").value("duplicate"));
        // another event about the same payment (a different event id): the payment is known, no second receipt
        deliver(event(
                        id("evt"),
                        "checkout.session.completed",
                        StripeJson.paidSession(intent, donation.publicId(), 2_500, "ada@example.org", now()),
                        now()))
                .andExpect(status().isOk());

        List<MimeMessage> mail = mailTo("ada@example.org", 1);
        assertThat(mail).hasSize(1);
        MimeMessage receipt = mail.get(0);
        assertThat(receipt.getSubject()).isEqualTo("Your receipt: $25 for " + campaign.title());
        assertThat(receipt.getFrom()[0].toString()).isEqualTo("The Daily Example <receipts@daily.example>");
        assertThat(receipt.getReplyTo()[0].toString()).isEqualTo("members@daily.example");
        String body = body(receipt);
        assertThat(body)
                .contains("Hello,\n\nthank you for your donation. This is your receipt.")
                .contains("Amount: $25\n")
                .containsPattern("Date: [A-Z][a-z]+ \\d{1,2}, 20\\d\\d\n")
                .contains("Campaign: " + campaign.title() + "\n")
                .contains("Receipt number: " + intent + "\n")
                .contains("Donation reference: " + donation.publicId() + "\n")
                .contains("The Daily Example\n1 Press Street\n12345 Newstown\nTax id: EIN 12-3456789")
                .doesNotContain("Monthly donation");

        assertThat(SMTP.after("ada@example.org", Duration.ofSeconds(1)))
                .as("a few more polls: still one")
                .hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE donation_id = ? AND sent_at IS NOT NULL")
                        .param(donation.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aYearlyGiftsReceiptAndFailureNoticeSayEveryYear() throws Exception {
        Campaign campaign = campaign("yearlymail");
        Donation donation = pendingDonation(campaign, DonationInterval.YEAR, 12_000, "yuki@example.org");
        String subscription = id("sub");
        deliver(event(
                        id("evt"),
                        "checkout.session.completed",
                        StripeJson.subscribedSession(
                                subscription, donation.publicId(), 12_000, "yuki@example.org", now()),
                        now()))
                .andExpect(jsonPath("$.result").value("applied"));
        String invoice = id("in");
        String intent = id("pi");
        STRIPE.putPaymentIntent(StripeJson.paymentIntent(intent, id("ch"), 12_000, 378, "usd", null, now()));
        Map<String, Object> object = StripeJson.invoice(
                invoice,
                subscription,
                donation.publicId(),
                12_000,
                "usd",
                "subscription_create",
                "yuki@example.org",
                now());
        STRIPE.putInvoice(object, intent);
        deliver(event(id("evt"), "invoice.paid", object, now()))
                .andExpect(jsonPath("$.result").value("applied"));

        List<MimeMessage> first = mailTo("yuki@example.org", 1);
        assertThat(body(first.get(0)))
                .contains("Amount: $120\n")
                .contains("Yearly donation: this amount is charged every year until you cancel.")
                .doesNotContain("every month");

        Map<String, Object> failed = StripeJson.invoice(
                id("in"), subscription, donation.publicId(), 0, "usd", "subscription_cycle", null, now());
        deliver(event(id("evt"), "invoice.payment_failed", failed, now())).andExpect(status().isOk());
        List<MimeMessage> afterFailure = mailTo("yuki@example.org", 2);
        assertThat(afterFailure.get(1).getSubject())
                .isEqualTo("Your yearly donation to " + campaign.title() + " could not be charged");
        assertThat(body(afterFailure.get(1)))
                .contains("this year's payment of your yearly donation did not go through.");
    }

    @Test
    void monthlyInstalmentsFailuresAndRefundsEachTellTheDonorOnce() throws Exception {
        Campaign campaign = campaign("monthlymail");
        Donation donation = pendingDonation(campaign, DonationInterval.MONTH, 1_000, "grace@example.org");
        String subscription = id("sub");
        deliver(event(
                        id("evt"),
                        "checkout.session.completed",
                        StripeJson.subscribedSession(
                                subscription, donation.publicId(), 1_000, "grace@example.org", now()),
                        now()))
                .andExpect(jsonPath("$.result").value("applied"));
        String invoice = id("in");
        String intent = id("pi");
        String charge = id("ch");
        STRIPE.putPaymentIntent(StripeJson.paymentIntent(intent, charge, 1_000, 59, "usd", null, now()));
        Map<String, Object> object = StripeJson.invoice(
                invoice,
                subscription,
                donation.publicId(),
                1_000,
                "usd",
                "subscription_create",
                "grace@example.org",
                now());
        STRIPE.putInvoice(object, intent);
        deliver(event(id("evt"), "invoice.paid", object, now()))
                .andExpect(jsonPath("$.result").value("applied"));

        List<MimeMessage> first = mailTo("grace@example.org", 1);
        assertThat(first).hasSize(1);
        assertThat(body(first.get(0)))
                .contains("Receipt number: " + invoice + "\n")
                .contains("Monthly donation: this amount is charged every month until you cancel.")
                .contains("To change or cancel your donation: https://give.example.org/donors/manage?lang=en");

        // the next month's payment fails, and Stripe retries it (and tells us) twice
        Map<String, Object> failed = StripeJson.invoice(
                id("in"), subscription, donation.publicId(), 0, "usd", "subscription_cycle", null, now());
        deliver(event(id("evt"), "invoice.payment_failed", failed, now())).andExpect(status().isOk());
        deliver(event(id("evt"), "invoice.payment_failed", failed, now())).andExpect(status().isOk());
        List<MimeMessage> afterFailure = mailTo("grace@example.org", 2);
        assertThat(afterFailure).hasSize(2);
        assertThat(afterFailure.get(1).getSubject())
                .isEqualTo("Your monthly donation to " + campaign.title() + " could not be charged");

        // a refund of part of the first month
        String refund = id("re");
        deliver(event(
                        id("evt"),
                        "refund.created",
                        StripeJson.refund(refund, charge, intent, 400, "usd", "succeeded", now()),
                        now()))
                .andExpect(jsonPath("$.result").value("applied"));
        List<MimeMessage> afterRefund = mailTo("grace@example.org", 3);
        assertThat(afterRefund).hasSize(3);
        assertThat(afterRefund.get(2).getSubject()).isEqualTo("Your refund of $4");
        assertThat(body(afterRefund.get(2))).contains("Refunded: $4\n");

        assertThat(SMTP.after("grace@example.org", Duration.ofSeconds(1)))
                .as("one failure notice per invoice, one mail per event")
                .hasSize(3);
    }

    @Test
    void aMailTheServerRefusedIsSentLater() throws Exception {
        SMTP.stop();
        Campaign campaign = campaign("retrymail");
        Donation donation = pendingDonation(campaign, DonationInterval.ONCE, 700, "later@example.org");
        deliver(paid(donation, id("pi"), 700))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("applied"));
        String error = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> jdbc.sql("SELECT last_error FROM mail_outbox WHERE donation_id = ?")
                                .param(donation.id())
                                .query(String.class)
                                .optional()
                                .orElse(null),
                        java.util.Objects::nonNull);
        assertThat(error).as("the failed attempt is kept").contains("MailSendException");

        SMTP.start();
        assertThat(mailTo("later@example.org", 1)).hasSize(1);
        assertThat(jdbc.sql("SELECT attempts FROM mail_outbox WHERE donation_id = ?")
                        .param(donation.id())
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aDonorWhoGaveInGermanGetsAGermanReceipt() throws Exception {
        Campaign campaign = campaign("germanmail");
        Donation donation = donations.open(
                new org.goalpost.donation.NewDonation(
                        campaign.id(),
                        org.goalpost.donation.DonationChannel.STRIPE,
                        new org.goalpost.donation.NewDonation.Charge(
                                DonationInterval.ONCE, campaign.money(125_050), campaign.money(125_050), false, false),
                        new org.goalpost.donation.NewDonation.Giver("Grete", "grete@example.org", false, null, false),
                        null,
                        "de-DE"),
                org.goalpost.donation.DonationStatus.PENDING);
        String intent = id("pi");
        deliver(paid(donation, intent, 125_050)).andExpect(jsonPath("$.result").value("applied"));
        List<MimeMessage> mail = mailTo("grete@example.org", 1);
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).getSubject()).isEqualTo("Ihre Quittung: 1.250,50 $ für " + campaign.title());
        assertThat(body(mail.get(0)))
                .contains("Guten Tag Grete,\n\nvielen Dank für Ihre Spende. Dies ist Ihre Quittung.")
                .contains("Betrag: 1.250,50 $\n")
                .containsPattern("Datum: \\d{1,2}\\. [A-Z][a-zä]+ 20\\d\\d\n")
                .contains("Belegnummer: " + intent + "\n")
                .contains("Steuernummer: EIN 12-3456789");
    }

    @Test
    void noEmailAddressNoMail() throws Exception {
        Campaign campaign = campaign("nomail");
        Donation donation = pendingDonation(campaign, DonationInterval.ONCE, 900, null);
        String intent = id("pi");
        STRIPE.putPaymentIntent(StripeJson.paymentIntent(
                intent, "ch_" + intent.substring(3), 900, 30, "usd", donation.publicId(), now()));
        deliver(event(
                        id("evt"),
                        "checkout.session.completed",
                        StripeJson.paidSession(intent, donation.publicId(), 900, null, now()),
                        now()))
                .andExpect(jsonPath("$.result").value("applied"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE donation_id = ?")
                        .param(donation.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
