package org.goalpost.receipt;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What receipts say about the organisation ({@code GOALPOST_ORG_*}), who sends them
 * ({@code GOALPOST_MAIL_FROM}, {@code GOALPOST_MAIL_REPLY_TO}), and how the outbox is worked:
 * polled every {@code poll}, a failed send tried again after {@code retryBase} × 2ⁿ, at most
 * {@code maxAttempts} times; yearly donors' renewal reminders are looked for every {@code reminders}.
 */
@ConfigurationProperties("goalpost.receipts")
record ReceiptProperties(
        @DefaultValue("Goalpost") String organisationName,
        String organisationAddress,
        String taxId,
        @DefaultValue("receipts@localhost") String from,
        String replyTo,
        @DefaultValue("10s") Duration poll,
        @DefaultValue("1m") Duration retryBase,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("1h") Duration reminders) {

    /** When to try again after {@code attempts} failed sends: base × 2^(attempts − 1), at most a day. */
    Duration retryAfter(int attempts) {
        Duration delay = retryBase.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return delay.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : delay;
    }
}
