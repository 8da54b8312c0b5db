package org.goalpost.campaign;

import java.time.Instant;
import java.util.List;

/**
 * A campaign as someone asked for it (a form, the staff API, the demo seed), before
 * {@link CampaignRules} has checked it. Text fields arrive as typed; enums as their names, any case.
 * Absent optional values: status {@code draft}, period {@code none}, time zone {@code UTC},
 * count basis {@code gross}, amount style {@code locale}, embed origins none (any site may embed the widget),
 * default interval {@code once}, goal type {@code raised}, late money shown, recurring gifts counted as {@code paid}.
 */
public record CampaignDraft(
        String slug,
        String title,
        String description,
        String currency,
        String status,
        String period,
        String timeZone,
        Instant startsAt,
        Instant endsAt,
        String countBasis,
        String amountStyle,
        List<TierDraft> tiers,
        List<String> embedOrigins,
        String defaultInterval,
        String goalType,
        Boolean lateMoneyShown,
        String countRecurringAs) {

    /** A draft whose donate form offers a one-time gift first. */
    public CampaignDraft(
            String slug,
            String title,
            String description,
            String currency,
            String status,
            String period,
            String timeZone,
            Instant startsAt,
            Instant endsAt,
            String countBasis,
            String amountStyle,
            List<TierDraft> tiers,
            List<String> embedOrigins) {
        this(
                slug,
                title,
                description,
                currency,
                status,
                period,
                timeZone,
                startsAt,
                endsAt,
                countBasis,
                amountStyle,
                tiers,
                embedOrigins,
                null,
                null,
                null,
                null);
    }

    /** The same draft with the donate form's first frequency ({@code once}, {@code month}, {@code year}). */
    public CampaignDraft withDefaultInterval(String interval) {
        return new CampaignDraft(
                slug,
                title,
                description,
                currency,
                status,
                period,
                timeZone,
                startsAt,
                endsAt,
                countBasis,
                amountStyle,
                tiers,
                embedOrigins,
                interval,
                goalType,
                lateMoneyShown,
                countRecurringAs);
    }

    /** The same draft embedded only on these sites ({@code https://news.example}; none: anywhere). */
    public CampaignDraft withEmbedOrigins(String... origins) {
        return new CampaignDraft(
                slug,
                title,
                description,
                currency,
                status,
                period,
                timeZone,
                startsAt,
                endsAt,
                countBasis,
                amountStyle,
                tiers,
                List.of(origins),
                defaultInterval,
                goalType,
                lateMoneyShown,
                countRecurringAs);
    }

    /** The same draft with what its bar measures, whether it shows late money, and how it counts recurring gifts. */
    public CampaignDraft withGoal(String type, Boolean lateMoney, String recurringCount) {
        return new CampaignDraft(
                slug,
                title,
                description,
                currency,
                status,
                period,
                timeZone,
                startsAt,
                endsAt,
                countBasis,
                amountStyle,
                tiers,
                embedOrigins,
                defaultInterval,
                type,
                lateMoney,
                recurringCount);
    }

    /** The same draft with an end date. */
    public CampaignDraft endingAt(Instant end) {
        return new CampaignDraft(
                slug,
                title,
                description,
                currency,
                status,
                period,
                timeZone,
                startsAt,
                end,
                countBasis,
                amountStyle,
                tiers,
                embedOrigins,
                defaultInterval,
                goalType,
                lateMoneyShown,
                countRecurringAs);
    }

    /** A draft without an embed list: the widget may be embedded anywhere. */
    public CampaignDraft(
            String slug,
            String title,
            String description,
            String currency,
            String status,
            String period,
            String timeZone,
            Instant startsAt,
            Instant endsAt,
            String countBasis,
            String amountStyle,
            List<TierDraft> tiers) {
        this(
                slug,
                title,
                description,
                currency,
                status,
                period,
                timeZone,
                startsAt,
                endsAt,
                countBasis,
                amountStyle,
                tiers,
                null);
    }

    public record TierDraft(Long amountMinor, String label, String description) {}
}
