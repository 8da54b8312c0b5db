package org.goalpost.payment.testgateway;

import java.time.Clock;
import org.goalpost.payment.FeeModel;
import org.goalpost.payment.PaymentProperties;
import org.goalpost.payment.stripe.StripeKeyCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The test gateway, when no Stripe key is configured (the embedded default). */
@Configuration(proxyBeanMethods = false)
@Conditional(TestGatewayConfiguration.NoStripeKey.class)
class TestGatewayConfiguration {

    static class NoStripeKey extends StripeKeyCondition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !super.matches(context, metadata);
        }
    }

    /** Made after the app's mode, whose production checks give the clearer message when secrets are missing. */
    @Bean
    @DependsOn("appMode")
    TestGateway testGateway(PaymentProperties properties, FeeModel fees, Clock clock) {
        return new TestGateway(fees, clock, properties.production());
    }
}
