package org.goalpost.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.CampaignUsage;
import org.goalpost.campaign.Campaigns;
import org.goalpost.campaign.PeriodKey;
import org.goalpost.campaign.TestCampaigns;
import org.goalpost.donation.DailyTotal;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationChannel;
import org.goalpost.donation.DonationInterval;
import org.goalpost.donation.DonationStatus;
import org.goalpost.donation.Donations;
import org.goalpost.donation.DonorRef;
import org.goalpost.donation.Ledger;
import org.goalpost.donation.LedgerCheck;
import org.goalpost.donation.LedgerEntry;
import org.goalpost.donation.LedgerKind;
import org.goalpost.donation.NewDonation;
import org.goalpost.donation.Totals;
import org.goalpost.testing.DbSuite;
import org.goalpost.testing.DbTarget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The money path's stored rules against each test database server and driver: a subscription
 * keeps its newest state and canceled is final, parked items and facts waiting for their payment
 * survive a round trip, dispute fee rows and reversals drawn inside their period keep the ledger
 * check whole, and what holds a campaign's currency is counted.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("org.goalpost.testing.TestDatabases#targets")
class MoneyPathDbTest {

    @Parameter
    DbTarget db;

    private Campaign campaign;
    private Donations donations;

    @BeforeEach
    void setUp() {
        campaign = DbSuite.bean(db, Campaigns.class)
                .create(TestCampaigns.draft(TestCampaigns.uniqueSlug("path"), "USD", "monthly", "UTC", 100_000));
        donations = DbSuite.bean(db, Donations.class);
    }

    private Donation monthly(String subscription) {
        Donation donation = donations.open(
                new NewDonation(
                        campaign.id(),
                        DonationChannel.STRIPE,
                        new NewDonation.Charge(
                                DonationInterval.MONTH, campaign.money(1_000), campaign.money(1_000), false, false),
                        new NewDonation.Giver(null, null, false, null, false),
                        null,
                        null),
                DonationStatus.PENDING);
        donations.linkSubscription(donation, subscription);
        donations.moveTo(donation, DonationStatus.SUCCEEDED);
        return donation;
    }

    @Test
    void aSubscriptionKeepsItsNewestStateAndCanceledIsFinal() {
        String subscription = "sub_" + UUID.randomUUID();
        Donation donation = monthly(subscription);
        Instant t = Instant.parse("2026-11-20T10:00:00.123456Z");
        assertThat(donations.subscriptionChanged(
                        subscription, "active", 2_000L, DonationInterval.MONTH, false, null, t.plusSeconds(2)))
                .isTrue();
        assertThat(donations.subscriptionChanged(
                        subscription, "active", 1_500L, DonationInterval.MONTH, false, null, t.plusSeconds(1)))
                .as("older")
                .isFalse();
        assertThat(donations.subscriptionChanged(
                        subscription,
                        "active",
                        2_500L,
                        DonationInterval.YEAR,
                        true,
                        null,
                        t.plusSeconds(2).plusNanos(1_000)))
                .as("a microsecond newer")
                .isTrue();
        assertThat(donations.find(donation.id()).orElseThrow()).satisfies(d -> {
            assertThat(d.amount().minor()).isEqualTo(2_500);
            assertThat(d.interval())
                    .as("switched to yearly by the newest state")
                    .isEqualTo(DonationInterval.YEAR);
            assertThat(d.collectionPaused()).isTrue();
            assertThat(d.subscriptionStateAt()).isEqualTo(t.plusSeconds(2).plusNanos(1_000));
        });
        assertThat(donations.committedMonthly(campaign.id(), false))
                .as("paused: not committed")
                .isZero();
        assertThat(donations.subscriptionChanged(subscription, "canceled", 2_500L, null, false, null, t.plusSeconds(3)))
                .isTrue();
        assertThat(donations.subscriptionChanged(
                        subscription, "active", 3_000L, DonationInterval.MONTH, false, null, t.plusSeconds(60)))
                .as("after the end")
                .isFalse();
        assertThat(donations.find(donation.id()).orElseThrow()).satisfies(d -> {
            assertThat(d.subscriptionStatus()).isEqualTo("canceled");
            assertThat(d.interval()).as("a late monthly state undoes no switch").isEqualTo(DonationInterval.YEAR);
        });
    }

    @Test
    void parkedItemsDoubleTheirDelayAndStopCountingOnceDismissed() {
        ParkedItems parked = DbSuite.bean(db, ParkedItems.class);
        String ref = "evt_" + UUID.randomUUID();
        ParkedItems.Item first =
                parked.park(ParkedItems.Kind.EVENT, ref, "invoice.paid", true, new IllegalStateException("first"));
        ParkedItems.Item second =
                parked.park(ParkedItems.Kind.EVENT, ref, "invoice.paid", true, new IllegalStateException("second"));
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.error()).isEqualTo("IllegalStateException: second");
        assertThat(second.firstFailedAt()).isEqualTo(first.firstFailedAt());
        assertThat(java.time.Duration.between(second.lastFailedAt(), second.nextAttemptAt()))
                .isEqualTo(ParkedItems.delayAfter(2));
        assertThat(parked.due(100)).extracting(ParkedItems.Item::ref).doesNotContain(ref);
        DbSuite.bean(db, JdbcClient.class)
                .sql("UPDATE reconcile_parked SET next_attempt_at = '2026-01-01 00:00:00' WHERE item_key = ?")
                .param(second.key())
                .update();
        assertThat(parked.due(100)).extracting(ParkedItems.Item::ref).contains(ref);
        assertThat(parked.heldKeys()).contains(second.key());
        long before = parked.parkedCount();
        assertThat(parked.dismiss(second.key(), "admin@newsroom.test")).isTrue();
        assertThat(parked.parkedCount()).isEqualTo(before - 1);
        assertThat(parked.park(ParkedItems.Kind.EVENT, ref, "invoice.paid", true, new IllegalStateException("third"))
                        .state())
                .as("a dismissed item stays dismissed")
                .isEqualTo(ParkedItems.State.DISMISSED);
        assertThat(parked.heldKeys())
                .as("and the listing still leaves it alone")
                .contains(second.key());
    }

    @Test
    void factsWaitingForTheirPaymentComeBackWholeOnce() {
        WaitingFacts waiting = DbSuite.bean(db, WaitingFacts.class);
        String intent = "pi_" + UUID.randomUUID();
        Instant at = Instant.parse("2026-11-20T10:00:00.654321Z");
        PaymentFact.RefundChanged refund =
                new PaymentFact.RefundChanged("re_1", intent, "ch_1", 400, PaymentFact.RefundState.SUCCEEDED, at);
        PaymentFact.DisputeChanged dispute = new PaymentFact.DisputeChanged(
                "dp_1",
                intent,
                "ch_1",
                1_000,
                PaymentFact.DisputeState.WON,
                at,
                List.of(
                        new PaymentFact.BalanceMove("txn_1", true, 1_500, at),
                        new PaymentFact.BalanceMove("txn_2", false, -1_500, at)));
        waiting.keep(refund, "evt_1", at);
        waiting.keep(dispute, "evt_2", at);
        assertThat(waiting.take(null, "ch_1")).containsExactly(refund, dispute);
        assertThat(waiting.take(intent, null)).isEmpty();
    }

    @Test
    void disputeFeesAndReversalsDrawnInsideTheirPeriodKeepTheLedgerWhole() {
        Ledger ledger = DbSuite.bean(db, Ledger.class);
        String id = UUID.randomUUID().toString().substring(0, 8);
        PeriodKey october = PeriodKey.parse("2026-10");
        Instant paid = Instant.parse("2026-10-30T15:00:00Z");
        Instant later = Instant.parse("2026-11-03T09:00:00Z");
        ledger.record(
                campaign,
                new LedgerEntry(
                        LedgerKind.PAYMENT,
                        campaign.money(8_000),
                        262,
                        "pi_" + id,
                        null,
                        DonorRef.known(1),
                        false,
                        paid,
                        october,
                        null,
                        null));
        ledger.record(
                campaign,
                new LedgerEntry(
                        LedgerKind.DISPUTE,
                        campaign.money(-8_000),
                        0,
                        "dp_" + id,
                        null,
                        DonorRef.known(1),
                        false,
                        later,
                        october,
                        null,
                        null));
        ledger.record(
                campaign,
                new LedgerEntry(
                        LedgerKind.DISPUTE_FEE,
                        campaign.money(0),
                        1_500,
                        "txn_a_" + id,
                        null,
                        DonorRef.known(1),
                        false,
                        later,
                        october,
                        null,
                        null));
        ledger.record(
                campaign,
                new LedgerEntry(
                        LedgerKind.DISPUTE_FEE,
                        campaign.money(0),
                        -1_500,
                        "txn_b_" + id,
                        null,
                        DonorRef.known(1),
                        false,
                        later,
                        october,
                        null,
                        null));
        Totals totals = DbSuite.bean(db, Totals.class);
        assertThat(totals.of(campaign, october, false).feesMinor()).isEqualTo(262);
        assertThat(totals.of(campaign, october, false).raisedMinor()).isZero();
        assertThat(totals.daily(campaign, october, false))
                .extracting(DailyTotal::day)
                .containsExactly(LocalDate.parse("2026-10-30"), LocalDate.parse("2026-10-31"));
        assertThat(DbSuite.bean(db, LedgerCheck.class).run().discrepancies())
                .filteredOn(d -> d.campaignId() == campaign.id())
                .isEmpty();
    }

    @Test
    void openCheckoutsAndCollectingRecurringDonationsHoldTheCurrency() {
        CampaignUsage usage = DbSuite.bean(db, CampaignUsage.class);
        assertThat(usage.openCommitments(campaign.id()).any()).isFalse();
        Donation open = donations.open(
                NewDonation.of(
                        campaign.id(),
                        DonationChannel.STRIPE,
                        NewDonation.Charge.of(DonationInterval.ONCE, campaign.money(500), false),
                        new NewDonation.Giver(null, null, true, null, false)),
                DonationStatus.PENDING);
        donations.attachCheckout(
                open,
                "cs_" + UUID.randomUUID(),
                "https://checkout.stripe.test/x",
                Instant.now().plusSeconds(600));
        monthly("sub_" + UUID.randomUUID());
        assertThat(usage.openCommitments(campaign.id())).isEqualTo(new CampaignUsage.Commitments(1, 1));
    }
}
