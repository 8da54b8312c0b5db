package org.goalpost.donation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.goalpost.campaign.PeriodKey;
import org.goalpost.shared.money.Money;
import org.junit.jupiter.api.Test;

class LedgerEntryTest {

    private static LedgerEntry entry(LedgerKind kind, long minor, long fee, String source) {
        return new LedgerEntry(
                kind,
                Money.of(minor, "USD"),
                fee,
                source,
                null,
                DonorRef.anonymous("x"),
                false,
                Instant.EPOCH,
                PeriodKey.ALL,
                null,
                null);
    }

    @Test
    void eachKindHasItsSign() {
        assertThat(entry(LedgerKind.PAYMENT, 100, 0, "pi_1").kind().isGift()).isTrue();
        assertThat(entry(LedgerKind.OFFLINE_GIFT, 100, 0, "gift_1").kind().isGift())
                .isTrue();
        assertThat(entry(LedgerKind.REFUND, -100, 0, "re_1").kind().isGift()).isFalse();
        assertThat(entry(LedgerKind.ADJUSTMENT, -100, 0, "adj_1")).isNotNull();
        assertThat(entry(LedgerKind.ADJUSTMENT, 100, 0, "adj_2")).isNotNull();
        assertThatThrownBy(() -> entry(LedgerKind.PAYMENT, -100, 0, "pi_2"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entry(LedgerKind.PAYMENT, 0, 0, "pi_3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entry(LedgerKind.REFUND, 100, 0, "re_2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entry(LedgerKind.DISPUTE, 100, 0, "dp_1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entry(LedgerKind.DISPUTE_REVERSAL, -100, 0, "dp_2"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entry(LedgerKind.ADJUSTMENT, 0, 0, "adj_3"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sourceReferencesArePrintableAscii() {
        assertThatThrownBy(() -> entry(LedgerKind.PAYMENT, 100, 0, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entry(LedgerKind.PAYMENT, 100, 0, "pi 1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entry(LedgerKind.PAYMENT, 100, 0, "pï_1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> entry(LedgerKind.PAYMENT, 100, 0, "p".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void feesAreNotNegativeOnGifts() {
        assertThatThrownBy(() -> entry(LedgerKind.PAYMENT, 100, -1, "pi_1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(entry(LedgerKind.REFUND, -100, -30, "re_1").feeMinor()).isEqualTo(-30);
    }

    @Test
    void donorReferencesHaveOneOfTwoForms() {
        assertThat(DonorRef.known(42).value()).isEqualTo("d:42");
        assertThat(DonorRef.anonymous("6f1c2d3e-0000-4000-8000-000000000000").value())
                .startsWith("a:");
        assertThatThrownBy(() -> new DonorRef("x:1")).isInstanceOf(IllegalArgumentException.class);
    }
}
