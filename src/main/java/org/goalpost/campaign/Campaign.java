package org.goalpost.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import org.goalpost.shared.money.AmountStyle;
import org.goalpost.shared.money.Money;

/**
 * A fundraising campaign as stored: its tiers, currency, period and life cycle, and how often the donate
 * form offers to give by default ({@code defaultInterval}: {@code once}, {@code month} or {@code year}), what
 * its bar measures ({@code goalType}) and whether, once it has ended, the bar still shows money that comes
 * in after the end ({@code lateMoneyShown}; the ledger counts it either way), and whether a "pledged" figure
 * (first-year value of recurring gifts) is shown next to money received ({@code countRecurringAs}), and what its
 * donate form asks for ({@code ask}: amounts per frequency, impact lines, headline, accent colour). Immutable.
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
        GoalType goalType,
        boolean lateMoneyShown,
        RecurringCount countRecurringAs,
        Ask ask,
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

    /** Whether the campaign is over at this instant: ended by staff, or past its end date. */
    public boolean hasEndedAt(Instant instant) {
        return status == CampaignStatus.ENDED || (endsAt != null && !instant.isBefore(endsAt));
    }

    /**
     * The instant the bar stands still at, for a {@code raised} goal past its end date whose late money is not
     * shown: its end. Otherwise null (the bar shows everything).
     */
    public Instant barFrozenAt(Instant instant) {
        return goalType == GoalType.RAISED && !lateMoneyShown && endsAt != null && !instant.isBefore(endsAt)
                ? endsAt
                : null;
    }

    /** Whether the campaign shows the first-year value of recurring gifts ("pledged") next to money received. */
    public boolean showsPledged() {
        return goalType == GoalType.RAISED && countRecurringAs == RecurringCount.FIRST_YEAR;
    }

    /** The same campaign with another ask (a preview, an experiment's variant). */
    public Campaign withAsk(Ask other) {
        return new Campaign(
                id,
                slug,
                title,
                description,
                currency,
                status,
                startsAt,
                endsAt,
                timeZone,
                periodKind,
                countBasis,
                amountStyle,
                tiers,
                embedOrigins,
                defaultInterval,
                goalType,
                lateMoneyShown,
                countRecurringAs,
                other,
                createdAt,
                updatedAt);
    }

    public Money money(long minor) {
        return Money.of(minor, currency);
    }

    public Money goal() {
        return money(tiers.top().amountMinor());
    }
}
