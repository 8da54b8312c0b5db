package org.goalpost.donation;

/** How the money came: through Stripe, the local test gateway, staff entering an offline gift, or the demo seed. */
public enum DonationChannel {
    STRIPE,
    TEST_GATEWAY,
    OFFLINE,
    DEMO
}
