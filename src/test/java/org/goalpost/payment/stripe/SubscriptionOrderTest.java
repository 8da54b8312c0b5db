package org.goalpost.payment.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goalpost.payment.stripe.StripeJson.event;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.goalpost.campaign.Campaign;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationInterval;
import org.goalpost.donation.DonationStatus;
import org.goalpost.testing.SlowTest;
import org.junit.jupiter.api.Test;

/**
 * A subscription's state is its newest one, whatever order Stripe delivers its events in (it
 * retries a failed delivery for days, so an {@code updated} can come after the {@code deleted}):
 * every order of created, amount changed, paused, changed again and deleted ends canceled with
 * the newest amount, and without the deletion ends in the newest state. Canceled is final.
 */
@SlowTest
class SubscriptionOrderTest extends StripeAppTestBase {

    private record Step(String type, String status, long amount, boolean paused, long created) {}

    private static List<List<Step>> orders(List<Step> steps) {
        if (steps.size() <= 1) {
            return List.of(steps);
        }
        List<List<Step>> all = new ArrayList<>();
        for (Step first : steps) {
            List<Step> rest = new ArrayList<>(steps);
            rest.remove(first);
            for (List<Step> tail : orders(rest)) {
                List<Step> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }

    private Donation deliverInOrder(Campaign campaign, List<Step> order) throws Exception {
        Donation donation = pendingDonation(campaign, DonationInterval.MONTH, 1_000, null);
        String subscription = id("sub");
        donations.linkSubscription(donation, subscription);
        donations.moveTo(donation, DonationStatus.SUCCEEDED);
        for (Step step : order) {
            Map<String, Object> object =
                    StripeJson.subscription(subscription, step.status(), donation.publicId(), step.amount(), "usd");
            object.put(
                    "pause_collection",
                    step.paused()
                            ? StripeJson.map("behavior", "void", "resumes_at", step.created() + 30 * 86_400)
                            : null);
            deliver(event(id("evt"), step.type(), object, step.created())).andExpect(status().isOk());
        }
        return donations.find(donation.id()).orElseThrow();
    }

    @Test
    void everyOrderEndsInTheNewestStateAndCanceledStaysCanceled() throws Exception {
        Campaign campaign = campaign("sub-order");
        long t = now() - 3_600;
        Step created = new Step("customer.subscription.created", "active", 1_000, false, t);
        Step raised = new Step("customer.subscription.updated", "active", 1_500, false, t + 60);
        Step paused = new Step("customer.subscription.updated", "active", 1_500, true, t + 120);
        Step changed = new Step("customer.subscription.updated", "active", 2_000, false, t + 180);
        Step deleted = new Step("customer.subscription.deleted", "canceled", 2_000, false, t + 240);

        int orders = 0;
        for (List<Step> order : orders(List.of(created, raised, paused, changed, deleted))) {
            Donation after = deliverInOrder(campaign, order);
            assertThat(after.subscriptionStatus()).as("order %s", order).isEqualTo("canceled");
            assertThat(after.amount().minor()).as("order %s", order).isEqualTo(2_000);
            assertThat(after.collectionPaused()).as("order %s", order).isFalse();
            orders++;
        }
        assertThat(orders).isEqualTo(120);
        assertThat(donations.committedMonthly(campaign.id(), false))
                .as("no canceled donor in committed monthly")
                .isZero();

        Campaign living = campaign("sub-order-live");
        for (List<Step> order : orders(List.of(created, raised, paused, changed))) {
            Donation after = deliverInOrder(living, order);
            assertThat(after.subscriptionStatus()).as("order %s", order).isEqualTo("active");
            assertThat(after.amount().minor())
                    .as("a late event never undoes a newer amount: %s", order)
                    .isEqualTo(2_000);
            assertThat(after.collectionPaused()).as("order %s", order).isFalse();
        }
        assertThat(donations.committedMonthly(living.id(), false)).isEqualTo(24 * 2_000);

        // paused is newest: not in committed monthly until collection resumes
        Campaign pausing = campaign("sub-order-paused");
        for (List<Step> order : orders(List.of(created, raised, paused))) {
            Donation after = deliverInOrder(pausing, order);
            assertThat(after.collectionPaused()).as("order %s", order).isTrue();
            assertThat(after.amount().minor()).isEqualTo(1_500);
        }
        assertThat(donations.committedMonthly(pausing.id(), false)).isZero();
    }
}
