package org.goalpost.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import org.goalpost.shared.money.AmountStyle;
import org.goalpost.shared.money.Money;

/**
 * A fundraising campaign as stored: its tiers, currency, period and life cycle, and how often the donate
 * form offers to give by default ({@code defaultInterval}: {@code once}, {@code month} or {@code year}).
 * Immutable.
 */
public record Campaign(
        long id,
        String slug,
        String title,
        String description,
        Currency currency,
        CampaignStatus status,
        Instant startsAt,
        Instant endsAt,
        ZoneId timeZone,
        PeriodKind periodKind,
        CountBasis countBasis,
        AmountStyle amountStyle,
        Tiers tiers,
        EmbedOrigins embedOrigins,
        String defaultInterval,
        Instant createdAt,
        Instant updatedAt) {

    /** The period an instant falls in, in this campaign's time zone. */
    public Period periodAt(Instant instant) {
        return PeriodCalendar.periodAt(periodKind, timeZone, instant);
    }

    public Period period(PeriodKey key) {
        return PeriodCalendar.period(periodKind, timeZone, key);
    }

    /** True when the campaign takes donations at this instant: active, and within its dates. */
    public boolean isOpenAt(Instant instant) {
        return status == CampaignStatus.ACTIVE
                && (startsAt == null || !instant.isBefore(startsAt))
                && (endsAt == null || instant.isBefore(endsAt));
    }

    public Money money(long minor) {
        return Money.of(minor, currency);
    }

    public Money goal() {
        return money(tiers.top().amountMinor());
    }
}
