package org.goalpost.payment.stripe;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Stripe settings, from {@code STRIPE_SECRET_KEY}, {@code STRIPE_WEBHOOK_SECRET} (several,
 * comma-separated, while rotating) and {@code STRIPE_API_BASE}. {@link #toString()} never shows a secret.
 */
@ConfigurationProperties("goalpost.stripe")
record StripeProperties(
        String secretKey,
        String webhookSecret,
        String apiBase,
        @DefaultValue("300s") Duration signatureTolerance,
        @DefaultValue("2") int maxNetworkRetries,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("20s") Duration readTimeout,
        @DefaultValue("30s") Duration healthCache) {

    static final String DEFAULT_API_BASE = "https://api.stripe.com";

    boolean hasSecretKey() {
        return secretKey != null && !secretKey.isBlank();
    }

    /** The webhook signing secrets; during a rotation, the new one and the old one. */
    List<String> webhookSecrets() {
        if (webhookSecret == null || webhookSecret.isBlank()) {
            return List.of();
        }
        return Arrays.stream(webhookSecret.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    String apiBaseOrDefault() {
        return apiBase == null || apiBase.isBlank() ? DEFAULT_API_BASE : apiBase.strip();
    }

    /** Whether the key is a live one ({@code sk_live_}, {@code rk_live_}). */
    boolean liveKey() {
        return hasSecretKey() && (secretKey.startsWith("sk_live_") || secretKey.startsWith("rk_live_"));
    }

    @Override
    public String toString() {
        return "StripeProperties[secretKey=" + (hasSecretKey() ? "(set)" : "(none)") + ", webhookSecrets="
                + webhookSecrets().size() + ", apiBase=" + apiBaseOrDefault() + "]";
    }
}
