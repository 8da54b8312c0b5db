package org.goalpost.payment.stripe;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/** Present only when a Stripe secret key is configured ({@code STRIPE_SECRET_KEY}). */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Conditional(StripeKeyCondition.class)
@interface ConditionalOnStripe {}
