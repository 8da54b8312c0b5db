package org.goalpost.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.goalpost.shared.money.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The gateway's fee as a percentage plus a fixed amount (2.9 % + 0.30 by default), and the
 * "cover the fees" gross-up: the smallest charge whose net after the fee is at least the gift.
 */
@Component
public class FeeModel {

    private final BigDecimal percent;
    private final BigDecimal fixedMajor;

    @Autowired
    public FeeModel(PaymentProperties properties) {
        this(properties.feePercent(), properties.feeFixed());
    }

    public FeeModel(BigDecimal percent, BigDecimal fixedMajor) {
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(50)) >= 0 || fixedMajor.signum() < 0) {
            throw new IllegalArgumentException(
                    "fee model: need 0 <= percent < 50 and fixed >= 0, got " + percent + " and " + fixedMajor);
        }
        this.percent = percent;
        this.fixedMajor = fixedMajor;
    }

    /** The fee on a charge, rounded to the currency's minor unit as the gateway rounds it (half up). */
    public Money feeOn(Money charge) {
        BigDecimal fee = BigDecimal.valueOf(charge.minor())
                .multiply(percent)
                .divide(BigDecimal.valueOf(100))
                .setScale(0, RoundingMode.HALF_UP)
                .add(BigDecimal.valueOf(fixedMinor(charge)));
        return Money.of(fee.longValueExact(), charge.currency());
    }

    /** The smallest charge whose net (charge minus {@link #feeOn}) is at least {@code gift}. */
    public Money grossUp(Money gift) {
        BigDecimal rate = BigDecimal.ONE.subtract(percent.divide(BigDecimal.valueOf(100)));
        long estimate = BigDecimal.valueOf(gift.minor() + fixedMinor(gift))
                .divide(rate, 0, RoundingMode.CEILING)
                .longValueExact();
        long charge = Math.max(gift.minor(), estimate - 2);
        while (net(charge, gift) < gift.minor()) {
            charge++;
        }
        return Money.of(charge, gift.currency());
    }

    private long net(long charge, Money like) {
        return charge - feeOn(Money.of(charge, like.currency())).minor();
    }

    private long fixedMinor(Money like) {
        return fixedMajor
                .movePointRight(Money.fractionDigits(like.currency()))
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }
}
