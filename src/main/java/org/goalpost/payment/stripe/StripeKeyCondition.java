package org.goalpost.payment.stripe;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when {@code goalpost.stripe.secret-key} has text (an empty {@code STRIPE_SECRET_KEY} does not count). */
public class StripeKeyCondition implements Condition {

    public static final String KEY_PROPERTY = "goalpost.stripe.secret-key";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return isConfigured(context.getEnvironment().getProperty(KEY_PROPERTY));
    }

    public static boolean isConfigured(String key) {
        return StringUtils.hasText(key);
    }
}
