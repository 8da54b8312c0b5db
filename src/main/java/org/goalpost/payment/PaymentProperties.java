package org.goalpost.payment;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Payment settings. {@code publicUrl} is where donors reach this app (for the gateway's return
 * links); {@code feePercent} and {@code feeFixed} the fee model used to "cover the fees"
 * (Stripe's standard card pricing by default); {@code reconcileInterval} how often the
 * reconciler runs; {@code production} whether the {@code prod} profile is active.
 */
@ConfigurationProperties("goalpost.payments")
public record PaymentProperties(
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue("2.9") BigDecimal feePercent,
        @DefaultValue("0.30") BigDecimal feeFixed,
        @DefaultValue("15m") Duration reconcileInterval,
        @DefaultValue("false") boolean production) {

    public String publicUrl() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }
}
