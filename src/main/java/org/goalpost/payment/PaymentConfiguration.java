package org.goalpost.payment;

import java.util.ArrayList;
import java.util.List;
import org.goalpost.shared.mode.AppMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The app's mode and the production guard. The mode follows the Stripe key, as Stripe's own
 * modes do: a live key ({@code sk_live_}, {@code rk_live_}) means live money, anything else (a
 * test key, or no key: the test gateway) test money; {@code GOALPOST_MODE} may say so explicitly.
 * In the {@code prod} profile the app refuses to start without its secrets, with a mode that
 * contradicts its key, or with the test gateway.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
class PaymentConfiguration {

    @Bean
    AppMode appMode(
            @Value("${goalpost.mode:}") String mode,
            @Value("${goalpost.stripe.secret-key:}") String key,
            @Value("${goalpost.stripe.webhook-secret:}") String webhookSecret,
            PaymentProperties properties) {
        boolean liveKey = key.startsWith("sk_live_") || key.startsWith("rk_live_");
        AppMode fromKey = liveKey ? AppMode.LIVE : AppMode.TEST;
        AppMode chosen = StringUtils.hasText(mode) ? AppMode.parse(mode) : fromKey;
        if (properties.production()) {
            List<String> missing = new ArrayList<>();
            if (!StringUtils.hasText(key)) {
                missing.add("STRIPE_SECRET_KEY");
            }
            if (!StringUtils.hasText(webhookSecret)) {
                missing.add("STRIPE_WEBHOOK_SECRET");
            }
            if (properties.publicUrl().startsWith("http://localhost")) {
                missing.add("GOALPOST_PUBLIC_URL");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("The prod profile needs " + String.join(", ", missing)
                        + " in the environment; refusing to start.");
            }
            if (chosen != fromKey) {
                throw new IllegalStateException("GOALPOST_MODE=" + mode + " contradicts STRIPE_SECRET_KEY, which is a "
                        + (liveKey ? "live" : "test") + " key; refusing to start.");
            }
        }
        return chosen;
    }
}
