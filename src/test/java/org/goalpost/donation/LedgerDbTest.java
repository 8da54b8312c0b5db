package org.goalpost.donation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.campaign.PeriodKey;
import org.goalpost.campaign.TestCampaigns;
import org.goalpost.shared.money.CurrencyMismatchException;
import org.goalpost.shared.money.Money;
import org.goalpost.testing.DbSuite;
import org.goalpost.testing.DbTarget;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The ledger against each test database server and driver. */
@ParameterizedClass(name = "{0}")
@MethodSource("org.goalpost.testing.TestDatabases#targets")
class LedgerDbTest {

    @Parameter
    DbTarget db;

    private Ledger ledger;
    private Totals totals;
    private Campaign campaign;

    @BeforeEach
    void setUp() {
        ledger = DbSuite.bean(db, Ledger.class);
        totals = DbSuite.bean(db, Totals.class);
        campaign = DbSuite.bean(db, Campaigns.class)
                .create(TestCampaigns.draft(TestCampaigns.uniqueSlug("ledger"), 250_000, 500_000));
    }

    private LedgerEntry entry(LedgerKind kind, long minor, String source, DonorRef donor) {
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        return new LedgerEntry(
                kind, campaign.money(minor), 0, source, null, donor, true, at, PeriodKey.ALL, null, null);
    }

    private PeriodTotals live() {
        return totals.of(campaign, PeriodKey.ALL, true);
    }

    @Test
    void paymentsAddUpAndRefundsComeOff() {
        assertThat(ledger.record(campaign, entry(LedgerKind.PAYMENT, 10_000, "pi_A", DonorRef.known(1))))
                .isEqualTo(Posting.RECORDED);
        ledger.record(campaign, entry(LedgerKind.PAYMENT, 5_000, "pi_B", DonorRef.known(2)));
        ledger.record(campaign, entry(LedgerKind.REFUND, -2_000, "re_A", DonorRef.known(1)));
        ledger.record(campaign, entry(LedgerKind.DISPUTE, -5_000, "dp_B", DonorRef.known(2)));
        ledger.record(campaign, entry(LedgerKind.DISPUTE_REVERSAL, 5_000, "dp_B", DonorRef.known(2)));
        ledger.record(campaign, entry(LedgerKind.OFFLINE_GIFT, 3_000, "gift_1", DonorRef.anonymous("g1")));
        ledger.record(campaign, entry(LedgerKind.ADJUSTMENT, -500, "adj_1", DonorRef.anonymous("g1")));
        PeriodTotals kept = live();
        assertThat(kept.raisedMinor()).isEqualTo(10_000 + 5_000 - 2_000 - 5_000 + 5_000 + 3_000 - 500);
        assertThat(kept.grossMinor()).isEqualTo(18_000);
        assertThat(kept.refundedMinor()).isEqualTo(2_000);
        assertThat(kept.disputedMinor()).isZero();
        assertThat(kept.adjustedMinor()).isEqualTo(-500);
        assertThat(kept.donationCount()).isEqualTo(3);
        assertThat(kept.donorCount()).isEqualTo(3);
        assertThat(totals.of(campaign, PeriodKey.ALL, false).raisedMinor())
                .as("test money is kept apart")
                .isZero();
        assertConsistent();
    }

    @Test
    void theSameMovementRecordedTwiceCountsOnce() {
        LedgerEntry payment = entry(LedgerKind.PAYMENT, 10_000, "pi_TWICE", DonorRef.known(7));
        assertThat(ledger.record(campaign, payment)).isEqualTo(Posting.RECORDED);
        assertThat(ledger.record(campaign, payment)).isEqualTo(Posting.ALREADY_RECORDED);
        assertThat(ledger.record(campaign, entry(LedgerKind.PAYMENT, 99_999, "pi_TWICE", DonorRef.known(8))))
                .as("a different amount under the same id is still the same movement")
                .isEqualTo(Posting.ALREADY_RECORDED);
        assertThat(live().raisedMinor()).isEqualTo(10_000);
        assertThat(live().donationCount()).isEqualTo(1);
        assertConsistent();
    }

    @Test
    void stripeIdsAreCaseSensitive() {
        ledger.record(campaign, entry(LedgerKind.PAYMENT, 100, "pi_3AbCdE", DonorRef.known(1)));
        assertThat(ledger.record(campaign, entry(LedgerKind.PAYMENT, 200, "pi_3abcde", DonorRef.known(1))))
                .isEqualTo(Posting.RECORDED);
        assertThat(live().raisedMinor()).isEqualTo(300);
        assertThat(ledger.find(LedgerKind.PAYMENT, "pi_3abcde"))
                .map(RecordedEntry::amount)
                .contains(Money.of(200, "USD"));
    }

    @Test
    void aDonorCountsOncePerPeriodHoweverOftenTheyGive() {
        ledger.record(campaign, entry(LedgerKind.PAYMENT, 100, "pi_D1", DonorRef.known(11)));
        ledger.record(campaign, entry(LedgerKind.PAYMENT, 100, "pi_D2", DonorRef.known(11)));
        ledger.record(campaign, entry(LedgerKind.PAYMENT, 100, "pi_D3", DonorRef.anonymous("one")));
        ledger.record(campaign, entry(LedgerKind.PAYMENT, 100, "pi_D4", DonorRef.anonymous("two")));
        ledger.record(campaign, entry(LedgerKind.REFUND, -100, "re_D1", DonorRef.known(12)));
        assertThat(live().donationCount()).isEqualTo(4);
        assertThat(live().donorCount()).isEqualTo(3);
        assertConsistent();
    }

    @Test
    void currenciesNeverMix() {
        LedgerEntry euros = new LedgerEntry(
                LedgerKind.PAYMENT,
                Money.of(100, "EUR"),
                0,
                "pi_EUR",
                null,
                DonorRef.known(1),
                true,
                Instant.now(),
                PeriodKey.ALL,
                null,
                null);
        assertThatThrownBy(() -> ledger.record(campaign, euros)).isInstanceOf(CurrencyMismatchException.class);
        assertThat(ledger.find(LedgerKind.PAYMENT, "pi_EUR")).isEmpty();
        assertThat(live().raisedMinor()).isZero();
    }

    @Test
    void instantsKeepTheirMicroseconds() {
        Instant precise = Instant.parse("2026-11-28T23:30:15.123456Z");
        ledger.record(
                campaign,
                new LedgerEntry(
                        LedgerKind.PAYMENT,
                        campaign.money(100),
                        0,
                        "pi_MICROS",
                        null,
                        DonorRef.known(1),
                        true,
                        precise,
                        PeriodKey.ALL,
                        null,
                        null));
        assertThat(ledger.find(LedgerKind.PAYMENT, "pi_MICROS"))
                .map(RecordedEntry::occurredAt)
                .contains(precise);
    }

    @Test
    void feesGiveTheNet() {
        ledger.record(
                campaign,
                new LedgerEntry(
                        LedgerKind.PAYMENT,
                        campaign.money(10_000),
                        320,
                        "pi_FEE",
                        null,
                        DonorRef.known(1),
                        true,
                        Instant.now(),
                        PeriodKey.ALL,
                        null,
                        null));
        assertThat(live().feesMinor()).isEqualTo(320);
        assertThat(live().netMinor()).isEqualTo(9_680);
        assertThat(live().raised(org.goalpost.campaign.CountBasis.NET).minor()).isEqualTo(9_680);
        assertThat(live().raised(org.goalpost.campaign.CountBasis.GROSS).minor())
                .isEqualTo(10_000);
    }

    @Test
    void theCheckFindsTotalsThatDisagreeWithTheLedger() {
        ledger.record(campaign, entry(LedgerKind.PAYMENT, 1_000, "pi_CHECK", DonorRef.known(1)));
        assertConsistent();
        var jdbc = DbSuite.bean(db, org.springframework.jdbc.core.simple.JdbcClient.class);
        jdbc.sql("UPDATE campaign_totals SET raised_minor = raised_minor + 1 WHERE campaign_id = ?")
                .param(campaign.id())
                .update();
        try {
            List<LedgerCheck.Discrepancy> mine = discrepanciesOfThisCampaign();
            assertThat(mine).hasSize(1);
            assertThat(mine.get(0).kept().raised()).isEqualTo(1_001);
            assertThat(mine.get(0).recomputed().raised()).isEqualTo(1_000);
        } finally {
            jdbc.sql("UPDATE campaign_totals SET raised_minor = raised_minor - 1 WHERE campaign_id = ?")
                    .param(campaign.id())
                    .update();
        }
        assertConsistent();
    }

    private List<LedgerCheck.Discrepancy> discrepanciesOfThisCampaign() {
        return DbSuite.bean(db, LedgerCheck.class).run().discrepancies().stream()
                .filter(d -> d.campaignId() == campaign.id())
                .toList();
    }

    private void assertConsistent() {
        assertThat(discrepanciesOfThisCampaign()).isEmpty();
    }
}
