package org.goalpost.donation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.goalpost.campaign.Campaign;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.money.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The campaign page's list of recent supporters: the latest successful donations of the mode the
 * public sees that carry a name, each with the message when given and the amount only when the donor
 * allowed it; gifts without a name (the donor asked to stay anonymous, or gave none) are not listed one by
 * one but folded into one count of the last seven days ("and 7 others this week"). Staff may hide an
 * entry and show it again. {@code GOALPOST_DONOR_WALL} entries (10; 0: no wall).
 */
@Service
public class DonorWall {

    /** One entry: a named supporter; {@code amount} null means not shown. */
    public record Entry(String name, String message, Money amount, Instant at) {}

    /** The named entries, newest first, and how many gave without a name in the last seven days. */
    public record Wall(List<Entry> entries, long othersThisWeek) {

        public boolean isEmpty() {
            return entries.isEmpty() && othersThisWeek == 0;
        }
    }

    /** A donation that shows its donor's name on the wall, in SQL. */
    private static final String NAMED = "anonymous = FALSE AND donor_name IS NOT NULL AND TRIM(donor_name) <> ''";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int size;

    DonorWall(JdbcClient jdbc, Clock clock, @Value("${goalpost.donor-wall.size:10}") int size) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.size = Math.max(0, size);
    }

    public Wall recent(Campaign campaign, boolean livemode) {
        if (size == 0) {
            return new Wall(List.of(), 0);
        }
        List<Entry> named = jdbc.sql("SELECT donor_name, message, amount_minor, gift_minor, currency, show_amount, "
                        + "created_at FROM donation WHERE campaign_id = ? AND livemode = ? AND status = 'SUCCEEDED' "
                        + "AND wall_hidden_at IS NULL AND " + NAMED + " ORDER BY created_at DESC, id DESC LIMIT ?")
                .params(campaign.id(), livemode, size)
                .query((rs, n) -> {
                    long gift =
                            rs.getObject("gift_minor") == null ? rs.getLong("amount_minor") : rs.getLong("gift_minor");
                    String message = rs.getString("message");
                    return new Entry(
                            rs.getString("donor_name").strip(),
                            message == null || message.isBlank() ? null : message.strip(),
                            rs.getBoolean("show_amount") ? Money.of(gift, rs.getString("currency")) : null,
                            DbTime.read(rs, "created_at"));
                })
                .list();
        long others = jdbc.sql("SELECT COUNT(*) FROM donation WHERE campaign_id = ? AND livemode = ? AND status = "
                        + "'SUCCEEDED' AND wall_hidden_at IS NULL AND created_at >= ? AND NOT (" + NAMED + ")")
                .params(campaign.id(), livemode, DbTime.param(clock.instant().minus(Duration.ofDays(7))))
                .query(Long.class)
                .single();
        return new Wall(named, others);
    }

    /** Hides the donation's entry ({@code hidden}) or shows it again; answers whether anything changed. */
    public boolean hide(Donation donation, boolean hidden) {
        return jdbc.sql("UPDATE donation SET wall_hidden_at = ? WHERE id = ? AND (wall_hidden_at IS "
                                + (hidden ? "NULL" : "NOT NULL") + ")")
                        .params(hidden ? DbTime.param(clock.instant()) : null, donation.id())
                        .update()
                == 1;
    }

    public boolean hidden(Donation donation) {
        return jdbc.sql("SELECT wall_hidden_at IS NOT NULL FROM donation WHERE id = ?")
                .param(donation.id())
                .query(Boolean.class)
                .single();
    }
}
