package org.goalpost.staff;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import org.goalpost.shared.money.AmountStyle;
import org.goalpost.shared.money.Money;
import org.goalpost.shared.money.MoneyFormatter;
import org.springframework.stereotype.Component;

/** Formatting for staff templates: {@code ${@fmt.money(amount, currency)}}, {@code ${@fmt.time(instant)}}. */
@Component("fmt")
class Fmt {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("UTC"));

    public String money(long minor, Currency currency) {
        return MoneyFormatter.format(Money.of(minor, currency), Locale.US, AmountStyle.LOCALE);
    }

    /** An amount of a campaign's, written as its public pages write it (its amount style), so that one campaign's
     * figures read the same on every page. */
    public String money(long minor, org.goalpost.campaign.Campaign campaign) {
        return MoneyFormatter.format(Money.of(minor, campaign.currency()), Locale.US, campaign.amountStyle());
    }

    /** An amount in a currency, in a given amount style. */
    public String money(long minor, Currency currency, AmountStyle style) {
        return MoneyFormatter.format(Money.of(minor, currency), Locale.US, style);
    }

    public String money(Money money) {
        return money == null ? "" : MoneyFormatter.format(money, Locale.US, AmountStyle.LOCALE);
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant) + " UTC";
    }

    /** Basis points as a percentage: 1790 -> {@code 17.9 %}. */
    public String percent(long basisPoints) {
        return java.math.BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString() + " %";
    }

    public String lower(Enum<?> value) {
        return value == null ? "" : value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
