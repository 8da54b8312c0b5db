package org.goalpost.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.goalpost.campaign.CampaignDraft.TierDraft;
import org.goalpost.shared.money.AmountStyle;
import org.goalpost.shared.money.Currencies;

/** Test data: campaigns and drafts built in one line, with sensible defaults. */
public final class TestCampaigns {

    private TestCampaigns() {}

    public static String uniqueSlug(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An active USD campaign without periods, tiers at the given amounts (minor units). */
    public static CampaignDraft draft(String slug, long... tierAmounts) {
        return draft(slug, "USD", "none", "UTC", tierAmounts);
    }

    public static CampaignDraft draft(String slug, String currency, String period, String zone, long... tierAmounts) {
        List<TierDraft> tiers = Arrays.stream(tierAmounts)
                .mapToObj(a -> new TierDraft(a, "Tier " + a, null))
                .toList();
        return new CampaignDraft(
                slug,
                "Campaign " + slug,
                "A test campaign",
                currency,
                "active",
                period,
                zone,
                null,
                null,
                "gross",
                "locale",
                tiers);
    }

    /** A campaign as stored, without a database, for unit tests. */
    public static Campaign campaign(String currency, PeriodKind period, String zone, long... tierAmounts) {
        List<Tier> tiers = Arrays.stream(tierAmounts)
                .mapToObj(a -> new Tier(a, "Tier " + a, null))
                .toList();
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        return new Campaign(
                1,
                "test",
                "Test",
                null,
                Currencies.parse(currency),
                CampaignStatus.ACTIVE,
                null,
                null,
                ZoneId.of(zone),
                period,
                CountBasis.GROSS,
                AmountStyle.LOCALE,
                new Tiers(tiers),
                EmbedOrigins.any(),
                "once",
                org.goalpost.campaign.GoalType.RAISED,
                true,
                RecurringCount.PAID,
                Ask.NONE,
                created,
                created);
    }
}
