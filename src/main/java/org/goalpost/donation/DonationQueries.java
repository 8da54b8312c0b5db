package org.goalpost.donation;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.money.Money;
import org.goalpost.shared.web.MalformedInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

/**
 * Donations for staff: searched, filtered and paged newest first by <em>keyset</em> (the last
 * row's time and id, not an offset), so that a page costs the same whether it is the first or
 * the ten-thousandth of a million donations: the database walks the {@code (created_at, id)}
 * index from where the previous page ended. Also streams every matching row, for exports, in
 * constant memory.
 */
@Service
public class DonationQueries {

    /**
     * No join: with one, MariaDB reads the campaign first and sorts every matching donation; the
     * slug comes from a subquery that runs for the returned rows only, and the order is an index's.
     */
    private static final String SELECT = "SELECT d.id, d.public_id, d.campaign_id, "
            + "(SELECT c.slug FROM campaign c WHERE c.id = d.campaign_id) AS slug, d.channel, d.status, "
            + "d.donation_interval, "
            + "d.amount_minor, d.currency, d.livemode, d.donor_name, d.donor_email, d.anonymous, d.created_at "
            + "FROM donation d";

    /** One page and where the next one starts (null on the last page). */
    public record Page(List<DonationRow> rows, String next) {}

    private final JdbcTemplate jdbc;

    DonationQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Page page(DonationCriteria criteria, String cursor, int size) {
        int limit = Math.max(1, Math.min(size, 200));
        List<Object> params = new ArrayList<>();
        StringBuilder ids = new StringBuilder("SELECT d.id FROM donation d").append(where(criteria, params));
        if (cursor != null && !cursor.isBlank()) {
            String[] position = decode(cursor);
            // a plain range the index can seek to, then ties broken by id
            ids.append(params.isEmpty() ? " WHERE " : " AND ")
                    .append("d.created_at <= ? AND (d.created_at < ? OR d.id < ?)");
            params.add(position[0]);
            params.add(position[0]);
            params.add(Long.parseLong(position[1]));
        }
        ids.append(" ORDER BY d.created_at DESC, d.id DESC LIMIT ").append(limit + 1);
        // A deferred join: the page's ids come from an index alone (livemode, created_at, id), and only
        // those rows are read; asked for the whole rows at once, MariaDB walks the table from the newest.
        String sql = SELECT + " JOIN (" + ids + ") page ON page.id = d.id ORDER BY d.created_at DESC, d.id DESC";
        List<DonationRow> rows = jdbc.query(sql, DonationQueries::row, params.toArray());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            DonationRow last = rows.get(limit - 1);
            next = encode(last.createdAt(), last.id());
        }
        return new Page(List.copyOf(rows), next);
    }

    /** Every matching donation, newest first, handed over one by one: memory stays flat however many there are. */
    public void stream(DonationCriteria criteria, Consumer<DonationRow> sink) {
        List<Object> params = new ArrayList<>();
        String sql = SELECT + where(criteria, params) + " ORDER BY d.created_at DESC, d.id DESC";
        jdbc.query(
                connection -> {
                    var statement =
                            connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                    statement.setFetchSize(
                            streamingFetchSize(connection.getMetaData().getURL()));
                    for (int i = 0; i < params.size(); i++) {
                        statement.setObject(i + 1, params.get(i));
                    }
                    return statement;
                },
                (RowCallbackHandler) rs -> sink.accept(row(rs, 0)));
    }

    /** MySQL Connector/J streams row by row only with {@code Integer.MIN_VALUE}; the others take a batch size. */
    static int streamingFetchSize(String url) {
        return url != null && url.startsWith("jdbc:mysql:") ? Integer.MIN_VALUE : 1_000;
    }

    private static String where(DonationCriteria c, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (c.campaignId() != null) {
            conditions.add("d.campaign_id = ?");
            params.add(c.campaignId());
        }
        if (c.status() != null) {
            conditions.add("d.status = ?");
            params.add(c.status().name());
        }
        if (c.interval() != null) {
            conditions.add("d.donation_interval = ?");
            params.add(c.interval().name());
        }
        if (c.livemode() != null) {
            conditions.add("d.livemode = ?");
            params.add(c.livemode());
        }
        if (c.from() != null) {
            conditions.add("d.created_at >= ?");
            params.add(DbTime.param(c.from()));
        }
        if (c.to() != null) {
            conditions.add("d.created_at < ?");
            params.add(DbTime.param(c.to()));
        }
        String query = c.query() == null ? "" : c.query().strip();
        if (!query.isEmpty()) {
            search(query, conditions, params);
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void search(String query, List<String> conditions, List<Object> params) {
        if (query.contains("@")) {
            conditions.add("d.donor_email = ?");
            params.add(query.toLowerCase(Locale.ROOT));
        } else if (query.startsWith("cs_")) {
            conditions.add("d.checkout_session_id = ?");
            params.add(query);
        } else if (query.startsWith("sub_")) {
            conditions.add("d.subscription_id = ?");
            params.add(query);
        } else if (query.startsWith("pi_") || query.startsWith("ch_")) {
            conditions.add(
                    "d.id IN (SELECT donation_id FROM gateway_payment WHERE payment_intent_id = ? OR charge_id = ?)");
            params.add(query);
            params.add(query);
        } else if (query.startsWith("in_") || query.startsWith("re_") || query.startsWith("dp_")) {
            conditions.add("d.id IN (SELECT donation_id FROM ledger_entry WHERE source_ref = ?)");
            params.add(query);
        } else if (query.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            conditions.add("d.public_id = ?");
            params.add(query);
        } else {
            conditions.add("d.donor_name LIKE ? ESCAPE '!'");
            params.add(query.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
    }

    static String encode(Instant createdAt, long id) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((DbTime.param(createdAt) + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 2
                    || !parts[0].matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{6}")
                    || !parts[1].matches("\\d{1,19}")) {
                throw new IllegalArgumentException();
            }
            return parts;
        } catch (IllegalArgumentException e) {
            throw new MalformedInputException("cursor", "is not a page cursor from a previous answer");
        }
    }

    static DonationRow row(ResultSet rs, int n) throws SQLException {
        return new DonationRow(
                rs.getLong("id"),
                rs.getString("public_id"),
                rs.getLong("campaign_id"),
                rs.getString("slug"),
                DonationChannel.valueOf(rs.getString("channel")),
                DonationStatus.valueOf(rs.getString("status")),
                DonationInterval.valueOf(rs.getString("donation_interval")),
                Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
                rs.getBoolean("livemode"),
                rs.getString("donor_name"),
                rs.getString("donor_email"),
                rs.getBoolean("anonymous"),
                DbTime.read(rs, "created_at"));
    }
}
