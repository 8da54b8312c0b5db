package org.goalpost.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import org.goalpost.shared.money.AmountStyle;

/** A campaign that passed {@link CampaignRules}: normalised, ready to store. */
record ValidCampaign(
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
        RecurringCount countRecurringAs) {}
