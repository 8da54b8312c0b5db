package org.goalpost.shared.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void addsAndSubtractsInMinorUnits() {
        Money a = Money.of(89_500, "USD");
        Money b = Money.of(2_500, "usd");
        assertThat(a.plus(b)).isEqualTo(Money.of(92_000, "USD"));
        assertThat(a.minus(b)).isEqualTo(Money.of(87_000, "USD"));
        assertThat(b.minus(a).isNegative()).isTrue();
        assertThat(a.negate().minor()).isEqualTo(-89_500);
        assertThat(a.toMajor()).hasToString("895.00");
    }

    @Test
    void refusesToMixCurrencies() {
        Money dollars = Money.of(100, "USD");
        Money euros = Money.of(100, "EUR");
        assertThatThrownBy(() -> dollars.plus(euros))
                .isInstanceOf(CurrencyMismatchException.class)
                .hasMessageContaining("USD vs EUR");
        assertThatThrownBy(() -> dollars.minus(euros)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> dollars.compareTo(euros)).isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void neverOverflowsSilently() {
        Money max = Money.of(Long.MAX_VALUE, "USD");
        assertThatThrownBy(() -> max.plus(Money.of(1, "USD"))).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.of(Long.MIN_VALUE, "USD").negate()).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void parsesMajorUnitsExactly() {
        assertThat(Money.ofMajor("2500", Currencies.parse("USD")).minor()).isEqualTo(250_000);
        assertThat(Money.ofMajor("12.5", Currencies.parse("EUR")).minor()).isEqualTo(1_250);
        assertThat(Money.ofMajor("500", Currencies.parse("JPY")).minor()).isEqualTo(500);
        assertThatThrownBy(() -> Money.ofMajor("1.005", Currencies.parse("USD")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.ofMajor("1.5", Currencies.parse("JPY")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void formatsTheWayTheReadersLocaleWritesMoney() {
        Money goal = Money.of(250_000, "USD");
        assertThat(MoneyFormatter.format(goal, Locale.US, AmountStyle.LOCALE)).isEqualTo("$2,500");
        assertThat(MoneyFormatter.format(goal, Locale.GERMANY, AmountStyle.LOCALE))
                .isEqualTo("2.500 $");
        assertThat(MoneyFormatter.format(Money.of(1_250, "EUR"), Locale.GERMANY, AmountStyle.LOCALE))
                .isEqualTo("12,50 €");
        assertThat(MoneyFormatter.format(Money.of(1_250, "USD"), Locale.US, AmountStyle.LOCALE))
                .isEqualTo("$12.50");
        assertThat(MoneyFormatter.format(Money.of(5_000, "JPY"), Locale.JAPAN, AmountStyle.LOCALE))
                .isEqualTo("￥5,000");
    }

    @Test
    void formatsInTheStyleOfTheBoxWeModel() {
        assertThat(MoneyFormatter.format(Money.of(250_000, "USD"), Locale.US, AmountStyle.SYMBOL_AFTER))
                .isEqualTo("2,500 $");
        assertThat(MoneyFormatter.format(Money.of(89_500, "USD"), Locale.US, AmountStyle.SYMBOL_AFTER))
                .isEqualTo("895 $");
        assertThat(MoneyFormatter.format(Money.of(0, "USD"), Locale.US, AmountStyle.SYMBOL_AFTER))
                .isEqualTo("0 $");
        assertThat(MoneyFormatter.format(Money.of(89_550, "USD"), Locale.US, AmountStyle.SYMBOL_AFTER))
                .isEqualTo("895.50 $");
        assertThat(MoneyFormatter.format(Money.of(250_000, "USD"), Locale.GERMANY, AmountStyle.SYMBOL_AFTER))
                .isEqualTo("2.500 $");
    }

    @Test
    void allowsOnlyListedIsoCurrencies() {
        Currencies currencies = Currencies.defaults();
        assertThat(currencies.isAllowed("USD")).isTrue();
        assertThat(currencies.isAllowed("eur")).isTrue();
        assertThat(currencies.isAllowed("XXX")).isFalse();
        assertThat(currencies.isAllowed("BHD")).isFalse();
        assertThat(currencies.isAllowed("US")).isFalse();
        assertThat(currencies.isAllowed("ZZZ")).isFalse();
        assertThat(currencies.isAllowed(null)).isFalse();
    }
}
