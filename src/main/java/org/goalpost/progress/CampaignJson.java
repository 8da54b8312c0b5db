package org.goalpost.progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Progress;
import org.goalpost.shared.mode.AppMode;

/**
 * A campaign's public figures as JSON. Aggregates only: nothing about any donor. {@code goalType} says what the bar
 * measures and {@code progress} is the figure it shows (minor units for {@code raised} and {@code recurring}, per
 * month for the latter; a count for {@code donors}), against tiers in the same unit; {@code raisedMinor} is always
 * the money received in the period, and {@code pledgedMinor} (only when the campaign counts recurring gifts at their
 * first-year value, else null) that money with each new recurring gift at its first-year value; {@code endsAt} the
 * end date, if any, and {@code ended} whether it has passed; {@code ask} what its donate form offers (the widget's
 * donate dialog asks the same).
 */
record CampaignJson(
        String slug,
        String title,
        String description,
        String currency,
        String status,
        String mode,
        String countBasis,
        String amountStyle,
        String goalType,
        long progress,
        long raisedMinor,
        Long pledgedMinor,
        long goalMinor,
        BigDecimal percentOfGoal,
        long donorCount,
        long donationCount,
        List<TierJson> tiers,
        PeriodJson period,
        Instant endsAt,
        boolean ended,
        AskJson ask,
        Instant updatedAt) {

    record TierJson(long amountMinor, String label, String description, boolean reached) {}

    record PeriodJson(String key, Instant start, Instant end) {}

    static CampaignJson of(CampaignProgress view, AskJson ask, AppMode mode, Instant now) {
        Campaign campaign = view.campaign();
        Progress progress = view.progress();
        List<TierJson> tiers = progress.markers().stream()
                .map(m -> new TierJson(
                        m.tier().amountMinor(), m.tier().label(), m.tier().description(), m.reached()))
                .toList();
        PeriodJson period = view.period().isBounded()
                ? new PeriodJson(
                        view.period().key().value(),
                        view.period().start(),
                        view.period().end())
                : null;
        return new CampaignJson(
                campaign.slug(),
                campaign.title(),
                campaign.description(),
                campaign.currency().getCurrencyCode(),
                lower(campaign.status()),
                lower(mode),
                lower(campaign.countBasis()),
                lower(campaign.amountStyle()).replace('_', '-'),
                campaign.goalType().word(),
                progress.raisedMinor(),
                view.raised().minor(),
                view.pledged() == null ? null : view.pledged().minor(),
                progress.goalMinor(),
                BigDecimal.valueOf(progress.percentOfGoalBasisPoints(), 2),
                view.totals().donorCount(),
                view.totals().donationCount(),
                tiers,
                period,
                campaign.endsAt(),
                campaign.hasEndedAt(now),
                ask,
                view.updatedAt());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
