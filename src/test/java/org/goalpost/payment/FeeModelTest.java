package org.goalpost.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Random;
import org.goalpost.shared.money.Money;
import org.goalpost.testing.TestSeeds;
import org.junit.jupiter.api.Test;

class FeeModelTest {

    private final FeeModel stripeCards = new FeeModel(new BigDecimal("2.9"), new BigDecimal("0.30"));

    @Test
    void theFeeIsAPercentagePlusAFixedAmount() {
        assertThat(stripeCards.feeOn(Money.of(2_500, "USD"))).isEqualTo(Money.of(103, "USD"));
        assertThat(stripeCards.feeOn(Money.of(10_000, "EUR"))).isEqualTo(Money.of(320, "EUR"));
        assertThat(stripeCards.feeOn(Money.of(1_000, "JPY")).minor())
                .as("0.30 of a yen rounds to nothing")
                .isEqualTo(29);
    }

    @Test
    void coveringTheFeesChargesTheSmallestAmountWhoseNetIsTheGift() {
        Money charge = stripeCards.grossUp(Money.of(2_500, "USD"));
        assertThat(charge).isEqualTo(Money.of(2_606, "USD"));
        assertThat(charge.minus(stripeCards.feeOn(charge))).isEqualTo(Money.of(2_500, "USD"));
    }

    @Test
    void theGrossUpIsExactAndMinimalForAnyGift() {
        long seed = TestSeeds.seed("FeeModelTest");
        Random random = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            long gift = 1 + random.nextInt(2_000_000);
            Money charge = stripeCards.grossUp(Money.of(gift, "USD"));
            long net = charge.minor() - stripeCards.feeOn(charge).minor();
            Money oneLess = Money.of(charge.minor() - 1, "USD");
            long netOfOneLess = oneLess.minor() - stripeCards.feeOn(oneLess).minor();
            assertThat(net).as("gift %d (seed %d)", gift, seed).isGreaterThanOrEqualTo(gift);
            assertThat(netOfOneLess).as("gift %d (seed %d)", gift, seed).isLessThan(gift);
        }
    }

    @Test
    void withoutFeesNothingIsAdded() {
        FeeModel free = new FeeModel(BigDecimal.ZERO, BigDecimal.ZERO);
        assertThat(free.grossUp(Money.of(2_500, "USD"))).isEqualTo(Money.of(2_500, "USD"));
    }

    @Test
    void anAbsurdModelIsRefused() {
        assertThatThrownBy(() -> new FeeModel(new BigDecimal("50"), BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeeModel(new BigDecimal("-1"), BigDecimal.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
