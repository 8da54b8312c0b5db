package org.goalpost.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goalpost.payment.stripe.StripeJson.event;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.goalpost.campaign.Campaign;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationInterval;
import org.goalpost.payment.stripe.StripeAppTestBase;
import org.goalpost.payment.stripe.StripeJson;
import org.goalpost.shared.db.DbTime;
import org.goalpost.testing.Smtp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Yearly donors hear of their renewal a week before it (issue 12), against a real SMTP server: one reminder per
 * renewal with the amount, the date and where to change or cancel, however often the job runs; none for a renewal
 * further away, a monthly donation, a paused or a cancelled one.
 */
@TestPropertySource(
        properties = {"spring.mail.host=127.0.0.1", "goalpost.receipts.poll=1h", "goalpost.receipts.reminders=1h"})
class RenewalReminderTest extends StripeAppTestBase {

    @RegisterExtension
    static final Smtp SMTP = new Smtp();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP.port);
    }

    @Autowired
    RenewalReminders reminders;

    @Autowired
    OutboxSender sender;

    /** A collecting recurring donation whose next payment is due {@code in} from now. */
    private Donation recurring(Campaign campaign, String email, DonationInterval interval, Duration in)
            throws Exception {
        Donation donation = pendingDonation(campaign, interval, 12_000, email);
        String subscription = id("sub");
        String intent = id("pi");
        STRIPE.putPaymentIntent(StripeJson.paymentIntent(intent, id("ch"), 12_000, 30, "usd", null, now()));
        Map<String, Object> invoice = StripeJson.invoice(
                id("in"), subscription, donation.publicId(), 12_000, "usd", "subscription_create", null, now());
        STRIPE.putInvoice(invoice, intent);
        deliver(event(id("evt"), "invoice.paid", invoice, now()))
                .andExpect(jsonPath("$.result").value("applied"));
        Map<String, Object> active =
                StripeJson.subscription(subscription, "active", donation.publicId(), 12_000, "usd", interval.word());
        STRIPE.putSubscription(active);
        deliver(event(id("evt"), "customer.subscription.updated", active, now()))
                .andExpect(jsonPath("$.result").value("applied"));
        jdbc.sql("UPDATE donation SET next_payment_at = ? WHERE id = ?")
                .params(DbTime.param(Instant.now().plus(in).truncatedTo(ChronoUnit.SECONDS)), donation.id())
                .update();
        return donation;
    }

    /** The reminders among a donor's mails (the first payment's receipt is there too), once {@code n} arrived. */
    private List<MimeMessage> reminders(String email, int n) throws Exception {
        return SMTP.to(email, n + 1).stream()
                .filter(m -> {
                    try {
                        return m.getSubject().startsWith("Your yearly donation");
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    @Test
    void aYearlyDonorIsRemindedOnceAWeekBeforeTheRenewal() throws Exception {
        Campaign campaign = campaign("renewal");
        Donation due = recurring(campaign, "ren.due@example.org", DonationInterval.YEAR, Duration.ofDays(5));
        recurring(campaign, "ren.later@example.org", DonationInterval.YEAR, Duration.ofDays(20));
        recurring(campaign, "ren.monthly@example.org", DonationInterval.MONTH, Duration.ofDays(3));
        Donation paused = recurring(campaign, "ren.paused@example.org", DonationInterval.YEAR, Duration.ofDays(4));
        jdbc.sql("UPDATE donation SET collection_paused = TRUE WHERE id = ?")
                .param(paused.id())
                .update();
        Donation cancelled =
                recurring(campaign, "ren.cancelled@example.org", DonationInterval.YEAR, Duration.ofDays(2));
        jdbc.sql("UPDATE donation SET subscription_status = 'canceled' WHERE id = ?")
                .param(cancelled.id())
                .update();

        assertThat(reminders.remind())
                .as("the due renewal, among others of other tests")
                .isPositive();
        assertThat(reminders.remind()).as("the second run writes nothing new").isZero();
        sender.sendDue();

        List<MimeMessage> mail = reminders("ren.due@example.org", 1);
        assertThat(mail).hasSize(1);
        Instant dueAt = jdbc.sql("SELECT next_payment_at FROM donation WHERE id = ?")
                .param(due.id())
                .query((rs, n) -> DbTime.read(rs, "next_payment_at"))
                .single();
        String date = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(java.util.Locale.ENGLISH)
                .format(dueAt.atZone(campaign.timeZone()));
        assertThat(mail.get(0).getSubject())
                .isEqualTo("Your yearly donation to " + campaign.title() + " renews on " + date);
        assertThat(Smtp.body(mail.get(0)))
                .contains("your yearly donation renews on " + date + ".")
                .contains("Amount: $120\n")
                .contains("Renews on: " + date + "\n")
                .contains("To change or cancel your donation: https://give.example.org/donors/manage?lang=en");
        for (String none : List.of(
                "ren.later@example.org",
                "ren.monthly@example.org",
                "ren.paused@example.org",
                "ren.cancelled@example.org")) {
            assertThat(SMTP.after(none, Duration.ofMillis(200)))
                    .as(none + ": its receipt, no reminder")
                    .extracting(MimeMessage::getSubject)
                    .singleElement()
                    .asString()
                    .startsWith("Your receipt");
        }

        // the renewal moves (a switch, a pause): the new date is a new renewal, reminded once more
        jdbc.sql("UPDATE donation SET next_payment_at = ? WHERE id = ?")
                .params(DbTime.param(dueAt.plus(Duration.ofDays(1))), due.id())
                .update();
        assertThat(reminders.remind()).isEqualTo(1);
        sender.sendDue();
        assertThat(reminders("ren.due@example.org", 2)).hasSize(2);
        Map<String, Object> keys = Map.of(
                "rows",
                jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE kind = 'RENEWAL_REMINDER' AND donation_id = ?")
                        .param(due.id())
                        .query(Long.class)
                        .single());
        assertThat(keys).containsEntry("rows", 2L);
    }
}
