package org.goalpost.receipt;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.donation.Donation;
import org.goalpost.donation.Donations;
import org.goalpost.payment.FactApplied;
import org.goalpost.shared.web.Languages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends what the outbox holds, never on the webhook's thread: right after a transaction that
 * added mail commits (on a thread of its own) and every {@code goalpost.receipts.poll} in any
 * case. Each mail is claimed first (only one instance wins it), sent, and marked sent; a failed
 * send is tried again after {@link ReceiptProperties#retryAfter}, up to {@code maxAttempts}.
 * A crash between the SMTP server's acceptance and the mark can send a mail twice; nothing else can.
 */
@Component
@ConditionalOnExpression("!'${spring.mail.host:}'.isBlank()")
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final Outbox outbox;
    private final ReceiptMails mails;
    private final DonorMail donorMail;
    private final Donations donations;
    private final Campaigns campaigns;
    private final ReceiptProperties properties;
    private final Clock clock;
    private final TaskExecutor background;
    private final AtomicBoolean queued = new AtomicBoolean();

    OutboxSender(
            Outbox outbox,
            ReceiptMails mails,
            DonorMail donorMail,
            Donations donations,
            Campaigns campaigns,
            ReceiptProperties properties,
            Clock clock,
            @Qualifier("applicationTaskExecutor") TaskExecutor background) {
        this.background = background;
        this.outbox = outbox;
        this.mails = mails;
        this.donorMail = donorMail;
        this.donations = donations;
        this.campaigns = campaigns;
        this.properties = properties;
        this.clock = clock;
    }

    /** After a commit that may have added mail: work the outbox soon, on the application's task executor. */
    @TransactionalEventListener
    void afterCommit(FactApplied applied) {
        if (queued.compareAndSet(false, true)) {
            background.execute(() -> {
                queued.set(false);
                sendDue();
            });
        }
    }

    @Scheduled(fixedDelayString = "${goalpost.receipts.poll:10s}", initialDelayString = "${goalpost.receipts.poll:10s}")
    void poll() {
        sendDue();
    }

    /** Sends every mail due now; answers how many went out. */
    synchronized int sendDue() {
        int sent = 0;
        try {
            for (long id : outbox.due(clock.instant(), 50)) {
                Instant now = clock.instant();
                if (outbox.claim(id, now, now.plus(LEASE)) && send(outbox.load(id))) {
                    sent++;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Mail outbox could not be worked; the next run tries again: {}", e.toString());
        }
        return sent;
    }

    private boolean send(Outbox.Mail mail) {
        try {
            Donation donation = donations.find(mail.donationId()).orElseThrow();
            Campaign campaign = campaigns.load(donation.campaignId()).orElseThrow();
            ReceiptMails.Written written = mails.write(mail, donation, campaign, Languages.of(donation.locale()));
            donorMail.send(mail.recipient(), written.subject(), written.body());
            outbox.sent(mail.id(), clock.instant());
            return true;
        } catch (MessagingException | java.io.UnsupportedEncodingException | RuntimeException e) {
            boolean giveUp = mail.attempts() >= properties.maxAttempts();
            Instant now = clock.instant();
            outbox.failed(
                    mail.id(),
                    e.getClass().getSimpleName() + ": " + e.getMessage(),
                    now.plus(properties.retryAfter(mail.attempts())),
                    giveUp,
                    now);
            log.warn(
                    "Mail {} ({} {}) not sent, attempt {}{}: {}",
                    mail.id(),
                    mail.kind(),
                    mail.sourceRef(),
                    mail.attempts(),
                    giveUp ? ", giving up" : "",
                    e.toString());
            return false;
        }
    }
}
