package org.goalpost.donation;

import java.time.Clock;
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
 * public sees, each with the donor's name (or none: "Anonymous" when the donor asked, or gave no
 * name), the message when given, and the amount only when the donor allowed it. Staff may hide an
 * entry and show it again. {@code GOALPOST_DONOR_WALL} entries (10; 0: no wall).
 */
@Service
public class DonorWall {

    /** One entry; {@code name} null means anonymous, {@code amount} null means not shown. */
    public record Entry(String name, String message, Money amount, Instant at) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int size;

    DonorWall(JdbcClient jdbc, Clock clock, @Value("${goalpost.donor-wall.size:10}") int size) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.size = Math.max(0, size);
    }

    public List<Entry> recent(Campaign campaign, boolean livemode) {
        if (size == 0) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT donor_name, anonymous, message, amount_minor, gift_minor, currency, show_amount,
                created_at FROM donation
                WHERE campaign_id = ? AND livemode = ? AND status = 'SUCCEEDED' AND wall_hidden_at IS NULL
                ORDER BY created_at DESC, id DESC LIMIT ?""")
                .params(campaign.id(), livemode, size)
                .query((rs, n) -> {
                    String name = rs.getString("donor_name");
                    boolean named = !rs.getBoolean("anonymous") && name != null && !name.isBlank();
                    long gift =
                            rs.getObject("gift_minor") == null ? rs.getLong("amount_minor") : rs.getLong("gift_minor");
                    String message = rs.getString("message");
                    return new Entry(
                            named ? name.strip() : null,
                            message == null || message.isBlank() ? null : message.strip(),
                            rs.getBoolean("show_amount") ? Money.of(gift, rs.getString("currency")) : null,
                            DbTime.read(rs, "created_at"));
                })
                .list();
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
