package org.goalpost.progress;

import java.time.Instant;
import java.util.List;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.mode.AppMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * When each campaign and its totals (of the public mode) last changed: what {@link ProgressCache}
 * compares, every second, to notice changes made by other instances. Two small indexed queries.
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

    List<Row> all() {
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

    Instant latestTotalsChange(long campaignId) {
        return jdbc.sql("SELECT MAX(updated_at) AS at FROM campaign_totals WHERE campaign_id = ? AND livemode = ?")
                .params(campaignId, mode.isLive())
                .query((rs, n) -> DbTime.read(rs, "at"))
                .optional()
                .orElse(null);
    }
}
