package org.goalpost.progress;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.mode.AppMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * When each campaign and its totals and recurring figures (of the public mode) last changed: what {@link
 * ProgressCache} compares, every second, to notice changes made by other instances. Small indexed queries.
 */
@Repository
class ChangeStamps {

    /** A campaign's stamps: its own last change, and the last change of any of its totals. */
    record Row(long id, String status, Instant campaignUpdatedAt, Instant totalsUpdatedAt) {

        boolean isPublic() {
            return status.equals("ACTIVE") || status.equals("ENDED");
        }
    }

    private final JdbcClient jdbc;
    private final AppMode mode;

    ChangeStamps(JdbcClient jdbc, AppMode mode) {
        this.jdbc = jdbc;
        this.mode = mode;
    }

    /** Every campaign's stamps; a change of its recurring figures counts as a change of its totals. */
    List<Row> all() {
        Map<Long, Instant> recurring = new HashMap<>();
        jdbc.sql("SELECT campaign_id, MAX(updated_at) AS at FROM recurring_month WHERE livemode = ? "
                        + "GROUP BY campaign_id")
                .param(mode.isLive())
                .query(rs -> {
                    recurring.put(rs.getLong("campaign_id"), DbTime.read(rs, "at"));
                });
        return totals().stream()
                .map(row -> new Row(
                        row.id(),
                        row.status(),
                        row.campaignUpdatedAt(),
                        latest(row.totalsUpdatedAt(), recurring.get(row.id()))))
                .toList();
    }

    private List<Row> totals() {
        return jdbc.sql("SELECT c.id, c.status, c.updated_at, MAX(t.updated_at) AS totals_updated_at FROM campaign c "
                        + "LEFT JOIN campaign_totals t ON t.campaign_id = c.id AND t.livemode = ? "
                        + "GROUP BY c.id, c.status, c.updated_at")
                .param(mode.isLive())
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("status"),
                        DbTime.read(rs, "updated_at"),
                        DbTime.read(rs, "totals_updated_at")))
                .list();
    }

    /** The last change of any of a campaign's totals or of its recurring figures. */
    Instant latestTotalsChange(long campaignId) {
        return latest(latest("campaign_totals", campaignId), latest("recurring_month", campaignId));
    }

    private Instant latest(String table, long campaignId) {
        return jdbc.sql("SELECT MAX(updated_at) AS at FROM " + table + " WHERE campaign_id = ? AND livemode = ?")
                .params(campaignId, mode.isLive())
                .query((rs, n) -> DbTime.read(rs, "at"))
                .optional()
                .orElse(null);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
