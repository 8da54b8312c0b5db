package org.goalpost.security;

import org.goalpost.payment.stripe.FakeStripe;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The same access rules with Stripe configured (against the stubbed Stripe API), where the
 * webhook exists and the local test gateway's pages do not.
 */
@TestPropertySource(
        properties = {
            "goalpost.stripe.secret-key=sk_test_goalpost_access_rules",
            "goalpost.stripe.webhook-secret=whsec_access",
            "goalpost.payments.reconcile-enabled=false"
        })
class AccessRulesWithStripeTest extends AccessRulesTest {

    static final FakeStripe STRIPE = new FakeStripe();

    @DynamicPropertySource
    static void stripeApi(DynamicPropertyRegistry registry) {
        registry.add("goalpost.stripe.api-base", STRIPE::url);
    }

    @Override
    boolean withStripe() {
        return true;
    }
}
