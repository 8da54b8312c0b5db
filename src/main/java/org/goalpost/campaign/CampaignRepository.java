package org.goalpost.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.money.AmountStyle;
import org.goalpost.shared.money.Currencies;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Campaigns and their tiers in SQL that MySQL 8, MariaDB and H2 (MySQL mode) all run. */
@Repository
class CampaignRepository {

    private static final String COLUMNS = "id, slug, title, description, currency, status, starts_at, ends_at, "
            + "time_zone, period_kind, count_basis, amount_style, embed_origins, default_interval, goal_type, "
            + "late_money_shown, count_recurring_as, created_at, updated_at";

    private final JdbcClient jdbc;
    private final ExperimentRepository experiments;

    CampaignRepository(JdbcClient jdbc, ExperimentRepository experiments) {
        this.jdbc = jdbc;
        this.experiments = experiments;
    }

    Optional<Campaign> findBySlug(String slug) {
        return first(
                jdbc.sql("SELECT " + COLUMNS + " FROM campaign WHERE slug = ?").param(slug));
    }

    Optional<Campaign> findById(long id) {
        return first(
                jdbc.sql("SELECT " + COLUMNS + " FROM campaign WHERE id = ?").param(id));
    }

    List<Campaign> findAll() {
        return withTiers(jdbc.sql("SELECT " + COLUMNS + " FROM campaign ORDER BY created_at, id")
                .query(this::row)
                .list());
    }

    boolean slugTaken(String slug, Long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign WHERE slug = ? AND id <> ?")
                        .param(slug)
                        .param(exceptId == null ? -1L : exceptId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long insert(ValidCampaign campaign, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO campaign (slug, title, description, currency, status, starts_at, ends_at, time_zone, "
                        + "period_kind, count_basis, amount_style, embed_origins, default_interval, goal_type, "
                        + "late_money_shown, count_recurring_as, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        campaign.slug(),
                        campaign.title(),
                        campaign.description(),
                        campaign.currency().getCurrencyCode(),
                        campaign.status().name(),
                        DbTime.param(campaign.startsAt()),
                        DbTime.param(campaign.endsAt()),
                        campaign.timeZone().getId(),
                        campaign.periodKind().name(),
                        campaign.countBasis().name(),
                        campaign.amountStyle().name(),
                        campaign.embedOrigins().stored(),
                        campaign.defaultInterval(),
                        campaign.goalType().name(),
                        campaign.lateMoneyShown(),
                        campaign.countRecurringAs().name(),
                        DbTime.param(now),
                        DbTime.param(now))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        insertTiers(id, campaign.tiers());
        return id;
    }

    void update(long id, ValidCampaign campaign, Instant now) {
        jdbc.sql("UPDATE campaign SET slug = ?, title = ?, description = ?, currency = ?, status = ?, starts_at = ?, "
                        + "ends_at = ?, time_zone = ?, period_kind = ?, count_basis = ?, amount_style = ?, "
                        + "embed_origins = ?, default_interval = ?, goal_type = ?, late_money_shown = ?, "
                        + "count_recurring_as = ?, updated_at = ? "
                        + "WHERE id = ?")
                .params(
                        campaign.slug(),
                        campaign.title(),
                        campaign.description(),
                        campaign.currency().getCurrencyCode(),
                        campaign.status().name(),
                        DbTime.param(campaign.startsAt()),
                        DbTime.param(campaign.endsAt()),
                        campaign.timeZone().getId(),
                        campaign.periodKind().name(),
                        campaign.countBasis().name(),
                        campaign.amountStyle().name(),
                        campaign.embedOrigins().stored(),
                        campaign.defaultInterval(),
                        campaign.goalType().name(),
                        campaign.lateMoneyShown(),
                        campaign.countRecurringAs().name(),
                        DbTime.param(now),
                        id)
                .update();
        jdbc.sql("DELETE FROM campaign_tier WHERE campaign_id = ?").param(id).update();
        insertTiers(id, campaign.tiers());
    }

    private void insertTiers(long campaignId, Tiers tiers) {
        int order = 0;
        for (Tier tier : tiers.asList()) {
            jdbc.sql("INSERT INTO campaign_tier (campaign_id, tier_order, amount_minor, label, "
                            + "description) VALUES (?, ?, ?, ?, ?)")
                    .params(campaignId, order++, tier.amountMinor(), tier.label(), tier.description())
                    .update();
        }
    }

    private Optional<Campaign> first(JdbcClient.StatementSpec statement) {
        List<Campaign> found = withTiers(statement.query(this::row).list());
        return found.stream().findFirst();
    }

    private List<Campaign> withTiers(List<CampaignRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Tier>> tiers = new LinkedHashMap<>();
        rows.forEach(row -> tiers.put(row.id(), new ArrayList<>()));
        jdbc.sql("SELECT campaign_id, amount_minor, label, description FROM campaign_tier WHERE campaign_id IN (:ids) "
                        + "ORDER BY campaign_id, tier_order")
                .param("ids", List.copyOf(tiers.keySet()))
                .query((rs, n) -> Map.entry(
                        rs.getLong("campaign_id"),
                        new Tier(rs.getLong("amount_minor"), rs.getString("label"), rs.getString("description"))))
                .list()
                .forEach(entry -> tiers.get(entry.getKey()).add(entry.getValue()));
        Map<Long, Ask> asks = asks(List.copyOf(tiers.keySet()));
        return rows.stream()
                .map(row -> row.toCampaign(new Tiers(tiers.get(row.id())), asks.getOrDefault(row.id(), Ask.NONE)))
                .toList();
    }

    /** The asks of these campaigns (with their running experiment); a campaign with neither is missing. */
    private Map<Long, Ask> asks(List<Long> ids) {
        Map<Long, String[]> looks = new HashMap<>();
        jdbc.sql("SELECT campaign_id, headline, accent FROM campaign_ask WHERE campaign_id IN (:ids)")
                .param("ids", ids)
                .query((rs, n) -> looks.put(
                        rs.getLong("campaign_id"), new String[] {rs.getString("headline"), rs.getString("accent")}))
                .list();
        Map<Long, Map<String, List<Ask.AskAmount>>> amounts = new HashMap<>();
        jdbc.sql("SELECT campaign_id, frequency, amount_minor, impact, preselected FROM campaign_ask_amount "
                        + "WHERE campaign_id IN (:ids) ORDER BY campaign_id, frequency, amount_order")
                .param("ids", ids)
                .query((rs, n) -> amounts.computeIfAbsent(rs.getLong("campaign_id"), id -> new LinkedHashMap<>())
                        .computeIfAbsent(rs.getString("frequency"), f -> new ArrayList<>())
                        .add(new Ask.AskAmount(
                                rs.getLong("amount_minor"), rs.getString("impact"), rs.getBoolean("preselected"))))
                .list();
        Map<Long, Ask> asks = new HashMap<>();
        looks.forEach((id, look) -> asks.put(id, new Ask(look[0], look[1], amounts.getOrDefault(id, Map.of()))));
        experiments.open(ids).values().stream()
                .filter(AskExperiment::running)
                .forEach(e -> asks.put(
                        e.campaignId(),
                        asks.getOrDefault(e.campaignId(), Ask.NONE).running(e)));
        return asks;
    }

    /** Marks a campaign changed now (its read path rebuilds), and sets the frequency its form offers first if given. */
    void touch(long campaignId, String defaultInterval, Instant now) {
        if (defaultInterval != null) {
            jdbc.sql("UPDATE campaign SET default_interval = ?, updated_at = ? WHERE id = ?")
                    .params(defaultInterval, DbTime.param(now), campaignId)
                    .update();
        } else {
            jdbc.sql("UPDATE campaign SET updated_at = ? WHERE id = ?")
                    .params(DbTime.param(now), campaignId)
                    .update();
        }
    }

    /** Replaces a campaign's ask and marks the campaign changed (so every instance's read path picks it up). */
    void saveAsk(long campaignId, Ask ask, Instant now) {
        jdbc.sql("DELETE FROM campaign_ask_amount WHERE campaign_id = ?")
                .param(campaignId)
                .update();
        jdbc.sql("DELETE FROM campaign_ask WHERE campaign_id = ?")
                .param(campaignId)
                .update();
        jdbc.sql("INSERT INTO campaign_ask (campaign_id, headline, accent) VALUES (?, ?, ?)")
                .params(campaignId, ask.headline(), ask.accent())
                .update();
        ask.amounts().forEach((frequency, list) -> {
            for (int i = 0; i < list.size(); i++) {
                Ask.AskAmount amount = list.get(i);
                jdbc.sql("INSERT INTO campaign_ask_amount (campaign_id, frequency, amount_order, amount_minor, impact, "
                                + "preselected) VALUES (?, ?, ?, ?, ?, ?)")
                        .params(campaignId, frequency, i, amount.amountMinor(), amount.impact(), amount.preselected())
                        .update();
            }
        });
        jdbc.sql("UPDATE campaign SET updated_at = ? WHERE id = ?")
                .params(DbTime.param(now), campaignId)
                .update();
    }

    private CampaignRow row(ResultSet rs, int rowNum) throws SQLException {
        return new CampaignRow(
                rs.getLong("id"),
                rs.getString("slug"),
                rs.getString("title"),
                rs.getString("description"),
                rs.getString("currency"),
                rs.getString("status"),
                DbTime.read(rs, "starts_at"),
                DbTime.read(rs, "ends_at"),
                rs.getString("time_zone"),
                rs.getString("period_kind"),
                rs.getString("count_basis"),
                rs.getString("amount_style"),
                rs.getString("embed_origins"),
                rs.getString("default_interval"),
                rs.getString("goal_type"),
                rs.getBoolean("late_money_shown"),
                rs.getString("count_recurring_as"),
                DbTime.read(rs, "created_at"),
                DbTime.read(rs, "updated_at"));
    }

    private record CampaignRow(
            long id,
            String slug,
            String title,
            String description,
            String currency,
            String status,
            Instant startsAt,
            Instant endsAt,
            String timeZone,
            String periodKind,
            String countBasis,
            String amountStyle,
            String embedOrigins,
            String defaultInterval,
            String goalType,
            boolean lateMoneyShown,
            String countRecurringAs,
            Instant createdAt,
            Instant updatedAt) {

        Campaign toCampaign(Tiers tiers, Ask ask) {
            return new Campaign(
                    id,
                    slug,
                    title,
                    description,
                    Currencies.parse(currency),
                    CampaignStatus.valueOf(status),
                    startsAt,
                    endsAt,
                    ZoneId.of(timeZone),
                    PeriodKind.valueOf(periodKind),
                    CountBasis.valueOf(countBasis),
                    AmountStyle.valueOf(amountStyle),
                    tiers,
                    EmbedOrigins.fromStored(embedOrigins),
                    defaultInterval,
                    GoalType.valueOf(goalType),
                    lateMoneyShown,
                    RecurringCount.valueOf(countRecurringAs),
                    ask,
                    createdAt,
                    updatedAt);
        }
    }
}
