package org.goalpost.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.goalpost.shared.db.DbTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Experiments and their variants, in SQL that MariaDB, MySQL and H2 run. */
@Repository
class ExperimentRepository {

    private final JdbcClient jdbc;

    ExperimentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long campaignId, String name, List<AskExperiment.Variant> variants, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO ask_experiment (campaign_id, name, state, started_at) VALUES (?, ?, ?, ?)")
                .params(campaignId, name, AskExperiment.RUNNING, DbTime.param(now))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        for (int i = 0; i < variants.size(); i++) {
            AskExperiment.Variant v = variants.get(i);
            jdbc.sql("INSERT INTO ask_experiment_variant (experiment_id, variant_key, variant_order, share_percent, "
                            + "headline, default_interval, amounts) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(id, v.key(), i, v.sharePercent(), v.headline(), v.defaultInterval(), write(v.amounts()))
                    .update();
        }
        return id;
    }

    /** Moves an experiment on, only from the states given (answers whether it moved). */
    boolean move(long id, List<String> from, String to, Instant at, String winner) {
        String column = AskExperiment.ENDED.equals(to) ? "ended_at" : "stopped_at";
        return jdbc.sql("UPDATE ask_experiment SET state = :to, " + column + " = :at, winner = :winner "
                                + "WHERE id = :id AND state IN (:from)")
                        .param("to", to)
                        .param("at", DbTime.param(at))
                        .param("winner", winner)
                        .param("id", id)
                        .param("from", from)
                        .update()
                == 1;
    }

    List<AskExperiment> ofCampaign(long campaignId) {
        return load(jdbc.sql("SELECT * FROM ask_experiment WHERE campaign_id = ? ORDER BY id DESC")
                .param(campaignId)
                .query(this::row)
                .list());
    }

    /** The experiment running or stopped (not ended) of each of these campaigns. */
    Map<Long, AskExperiment> open(List<Long> campaignIds) {
        if (campaignIds.isEmpty()) {
            return Map.of();
        }
        return load(jdbc.sql("SELECT * FROM ask_experiment WHERE campaign_id IN (:ids) AND state <> 'ENDED'")
                        .param("ids", campaignIds)
                        .query(this::row)
                        .list())
                .stream()
                .collect(Collectors.toMap(AskExperiment::campaignId, e -> e, (a, b) -> a.id() > b.id() ? a : b));
    }

    private List<AskExperiment> load(List<AskExperiment> experiments) {
        if (experiments.isEmpty()) {
            return experiments;
        }
        Map<Long, List<AskExperiment.Variant>> variants = new HashMap<>();
        jdbc.sql("SELECT * FROM ask_experiment_variant WHERE experiment_id IN (:ids) ORDER BY experiment_id, "
                        + "variant_order")
                .param("ids", experiments.stream().map(AskExperiment::id).toList())
                .query((rs, n) -> variants.computeIfAbsent(rs.getLong("experiment_id"), k -> new ArrayList<>())
                        .add(new AskExperiment.Variant(
                                rs.getString("variant_key"),
                                rs.getInt("share_percent"),
                                rs.getString("headline"),
                                rs.getString("default_interval"),
                                read(rs.getString("amounts")))))
                .list();
        return experiments.stream()
                .map(e -> new AskExperiment(
                        e.id(),
                        e.campaignId(),
                        e.name(),
                        e.state(),
                        e.startedAt(),
                        e.stoppedAt(),
                        e.endedAt(),
                        e.winner(),
                        List.copyOf(variants.getOrDefault(e.id(), List.of()))))
                .toList();
    }

    private AskExperiment row(ResultSet rs, int n) throws SQLException {
        return new AskExperiment(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getString("name"),
                rs.getString("state"),
                DbTime.read(rs, "started_at"),
                rs.getString("stopped_at") == null ? null : DbTime.read(rs, "stopped_at"),
                rs.getString("ended_at") == null ? null : DbTime.read(rs, "ended_at"),
                rs.getString("winner"),
                List.of());
    }

    /** {@code once:1000,2500*,5000;month:500} */
    static String write(Map<String, List<Ask.AskAmount>> amounts) {
        return CampaignRules.INTERVALS.stream()
                .filter(f -> amounts.containsKey(f) && !amounts.get(f).isEmpty())
                .map(f -> f + ":"
                        + amounts.get(f).stream()
                                .map(a -> a.amountMinor() + (a.preselected() ? "*" : ""))
                                .collect(Collectors.joining(",")))
                .collect(Collectors.joining(";"));
    }

    static Map<String, List<Ask.AskAmount>> read(String text) {
        Map<String, List<Ask.AskAmount>> amounts = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return amounts;
        }
        for (String part : text.split(";")) {
            String[] frequency = part.split(":", 2);
            List<Ask.AskAmount> list = new ArrayList<>();
            for (String a : frequency[1].split(",")) {
                boolean star = a.endsWith("*");
                list.add(new Ask.AskAmount(Long.parseLong(star ? a.substring(0, a.length() - 1) : a), null, star));
            }
            amounts.put(frequency[0], List.copyOf(list));
        }
        return amounts;
    }
}
