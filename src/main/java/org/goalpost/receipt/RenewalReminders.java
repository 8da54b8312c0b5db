package org.goalpost.receipt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.goalpost.donation.Donation;
import org.goalpost.donation.Donations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds yearly donors a week before they are charged again: every {@code goalpost.receipts.reminders} (an hour)
 * each collecting yearly donation whose next payment falls within {@link #AHEAD} gets one reminder for that renewal
 * (kept in the outbox under the subscription and the renewal's date, so it is written once whichever instance or
 * run finds it). A renewal that moves (a new date after a switch or a pause) is a new renewal, reminded again.
 */
@Component
@ConditionalOnExpression("!'${spring.mail.host:}'.isBlank()")
class RenewalReminders {

    static final Duration AHEAD = Duration.ofDays(7);
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(RenewalReminders.class);

    private final Donations donations;
    private final Outbox outbox;
    private final Clock clock;

    RenewalReminders(Donations donations, Outbox outbox, Clock clock) {
        this.donations = donations;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${goalpost.receipts.reminders:1h}",
            initialDelayString = "${goalpost.receipts.reminders:1h}")
    @SchedulerLock(name = "renewal-reminders")
    void poll() {
        try {
            remind();
        } catch (RuntimeException e) {
            log.warn("Renewal reminders could not be written; the next run tries again: {}", e.toString());
        }
    }

    /** Writes the reminders due now; answers how many were new. */
    int remind() {
        Instant now = clock.instant();
        int written = 0;
        Donations.Renewal last = null;
        while (true) {
            List<Donations.Renewal> renewals = donations.yearlyRenewing(now, last, now.plus(AHEAD), BATCH);
            for (Donations.Renewal renewal : renewals) {
                Donation donation = renewal.donation();
                String key = donation.subscriptionId() + "@" + renewal.dueAt().getEpochSecond();
                if (donation.donorEmail() != null
                        && !donation.donorEmail().isBlank()
                        && !outbox.has(MailKind.RENEWAL_REMINDER, key)
                        && outbox.add(
                                MailKind.RENEWAL_REMINDER,
                                key,
                                donation.id(),
                                donation.donorEmail().strip(),
                                donation.amount(),
                                renewal.dueAt(),
                                clock.instant())) {
                    written++;
                }
            }
            if (renewals.size() < BATCH) {
                return written;
            }
            last = renewals.get(renewals.size() - 1);
        }
    }
}
