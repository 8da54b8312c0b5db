package org.goalpost.payment.stripe;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import java.time.Clock;
import org.goalpost.donation.Donations;
import org.goalpost.payment.GatewayPayments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stripe, when {@code STRIPE_SECRET_KEY} is set: the client (pointed at {@code STRIPE_API_BASE}
 * when given, with network retries that reuse the idempotency key), the gateway and the webhook.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnStripe
@EnableConfigurationProperties(StripeProperties.class)
class StripeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StripeConfiguration.class);

    @Bean
    StripeClient stripeClient(StripeProperties properties) {
        log.info(
                "Payments through Stripe ({} key, API {} at {}, {} webhook secret(s))",
                properties.liveKey() ? "live" : "test",
                Stripe.API_VERSION,
                properties.apiBaseOrDefault(),
                properties.webhookSecrets().size());
        if (properties.webhookSecrets().isEmpty()) {
            log.warn("STRIPE_WEBHOOK_SECRET is not set: Stripe's webhooks will be refused; only the reconciler "
                    + "will count payments");
        }
        return StripeClient.builder()
                .setApiKey(properties.secretKey())
                .setApiBase(properties.apiBaseOrDefault())
                .setMaxNetworkRetries(properties.maxNetworkRetries())
                .setConnectTimeout((int) properties.connectTimeout().toMillis())
                .setReadTimeout((int) properties.readTimeout().toMillis())
                .setHttpClient(new JdkStripeHttpClient(properties.connectTimeout()))
                .build();
    }

    @Bean
    StripeApi stripeApi(StripeClient client) {
        return new StripeApi(client);
    }

    @Bean
    StripeReachability stripeHealthIndicator(StripeApi api, Clock clock, StripeProperties properties) {
        return new StripeReachability(api, clock, properties.healthCache(), properties.connectTimeout());
    }

    @Bean
    StripeEventTranslator stripeEventTranslator(StripeApi api, GatewayPayments payments, Donations donations) {
        return new StripeEventTranslator(api, payments, donations);
    }

    @Bean
    StripeGateway stripeGateway(StripeApi api, StripeEventTranslator translator, StripeProperties properties) {
        return new StripeGateway(api, translator, properties.liveKey());
    }

    @Bean
    StripeWebhookVerifier stripeWebhookVerifier(StripeProperties properties, Clock clock) {
        return new StripeWebhookVerifier(properties, clock);
    }
}
