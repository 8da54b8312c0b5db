package org.goalpost.donation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.money.Money;
import org.goalpost.shared.text.EmailAddresses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class DonationRepository {

    private static final String COLUMNS = "id, public_id, campaign_id, donor_id, channel, status, donation_interval, "
            + "amount_minor, gift_minor, cover_fees, currency, livemode, donor_name, donor_email, anonymous, message, "
            + "checkout_session_id, checkout_url, checkout_expires_at, subscription_id, subscription_status, "
            + "created_at, updated_at, locale, "
            + "collection_paused, subscription_state_at, status_reason";

    /**
     * A subscription in one of these states has ended for good (Stripe's {@code canceled}, {@code
     * incomplete_expired}).
     */
    static final String FINAL_SUBSCRIPTION_STATES = sqlList(Donation.FINAL_STATES);

    /** Subscription states in which a recurring donation collects (and so counts as committed). */
    static final String COLLECTING_STATES = sqlList(Donation.COLLECTING_STATES);

    /** Subscription states in which a donation has stopped collecting: the final ones, and unpaid. */
    static final String ENDED_STATES = sqlList(Donation.ENDED_STATES);

    /**
     * What a donation row adds to its campaign's committed yearly figure, in minor units: twelve times
     * a monthly amount, a yearly amount once, while it collects (succeeded, its subscription active,
     * not paused); otherwise 0. {@link Donation#committedYearlyMinor()} says the same in Java.
     */
    static final String COMMITTED_YEARLY_UNITS = "CASE WHEN status = 'SUCCEEDED' AND (subscription_status IS NULL "
            + "OR subscription_status IN (" + COLLECTING_STATES + ")) AND collection_paused = FALSE THEN "
            + "CASE donation_interval WHEN 'MONTH' THEN 12 * amount_minor WHEN 'YEAR' THEN amount_minor ELSE 0 END "
            + "ELSE 0 END";

    private final JdbcClient jdbc;

    /** Fixed words as an SQL list: {@code 'a', 'b'}. */
    private static String sqlList(List<String> words) {
        return String.join(", ", words.stream().map(w -> "'" + w + "'").toList());
    }

    DonationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String publicId, NewDonation donation, Long donorId, DonationStatus status, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO donation (public_id, campaign_id, donor_id, channel, status, "
                        + "donation_interval, amount_minor, "
                        + "gift_minor, cover_fees, currency, livemode, donor_name, donor_email, "
                        + "anonymous, message, request_key, "
                        + "show_amount, locale, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        publicId,
                        donation.campaignId(),
                        donorId,
                        donation.channel().name(),
                        status.name(),
                        donation.charge().interval().name(),
                        donation.charge().amount().minor(),
                        donation.charge().gift().minor(),
                        donation.charge().coverFees(),
                        donation.charge().amount().currencyCode(),
                        donation.charge().livemode(),
                        donation.giver().name(),
                        donation.giver().email(),
                        donation.giver().anonymous(),
                        donation.giver().message(),
                        donation.requestKey(),
                        donation.giver().showAmount(),
                        donation.locale(),
                        DbTime.param(now),
                        DbTime.param(now))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    List<Donation> recurringOf(String normalisedEmail) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM donation WHERE (LOWER(donor_email) = ? OR donor_id = "
                        + "(SELECT id FROM donor WHERE email = ?)) AND donation_interval IN ('MONTH', 'YEAR') AND "
                        + "subscription_id IS NOT NULL "
                        + "ORDER BY created_at DESC, id DESC")
                .params(normalisedEmail, normalisedEmail)
                .query(DonationRepository::row)
                .list();
    }

    /** Yearly donations that collect, next payment due after {@code (from, afterId)} and before {@code to}. */
    List<Donations.Renewal> yearlyRenewing(Instant from, long afterId, Instant to, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + ", next_payment_at FROM donation WHERE (next_payment_at > ? OR "
                        + "(next_payment_at = ? AND id > ?)) AND next_payment_at < ? AND donation_interval = 'YEAR' "
                        + "AND status = 'SUCCEEDED' AND collection_paused = FALSE AND subscription_status IN ("
                        + COLLECTING_STATES + ") ORDER BY next_payment_at, id LIMIT ?")
                .params(DbTime.param(from), DbTime.param(from), afterId, DbTime.param(to), limit)
                .query((rs, n) -> new Donations.Renewal(row(rs, n), DbTime.read(rs, "next_payment_at")))
                .list();
    }

    Optional<Donation> findById(long id) {
        return one("id = ?", id);
    }

    /** The donation, its row locked until the transaction ends (so that changes to it are seen in order). */
    Optional<Donation> lockById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM donation WHERE id = ? FOR UPDATE")
                .param(id)
                .query(DonationRepository::row)
                .optional();
    }

    Optional<Donation> findByPublicId(String publicId) {
        return one("public_id = ?", publicId);
    }

    Optional<Donation> findByRequestKey(String requestKey) {
        return one("request_key = ?", requestKey);
    }

    Optional<Donation> findByCheckoutSession(String sessionId) {
        return one("checkout_session_id = ?", sessionId);
    }

    Optional<Donation> findBySubscription(String subscriptionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM donation WHERE subscription_id = ? ORDER BY id LIMIT 1")
                .param(subscriptionId)
                .query(DonationRepository::row)
                .optional();
    }

    List<Donation> pendingCreatedBefore(Instant before, int limit) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM donation WHERE status = 'PENDING' AND created_at < ? ORDER BY created_at LIMIT "
                        + limit)
                .param(DbTime.param(before))
                .query(DonationRepository::row)
                .list();
    }

    /** Moves the status, in one statement, only from one of the statuses allowed to move there (false otherwise). */
    boolean moveStatus(long id, Set<DonationStatus> from, DonationStatus to, Instant now) {
        if (from.isEmpty()) {
            return false;
        }
        return jdbc.sql("UPDATE donation SET status = :to, updated_at = :now WHERE id = :id AND status IN (:from)")
                        .param("to", to.name())
                        .param("now", DbTime.param(now))
                        .param("id", id)
                        .param("from", from.stream().map(Enum::name).toList())
                        .update()
                == 1;
    }

    void attachDonor(long id, long donorId, String name, String email, Instant now) {
        jdbc.sql("UPDATE donation SET donor_id = ?, donor_name = COALESCE(donor_name, ?), donor_email "
                        + "= COALESCE(donor_email, ?), "
                        + "updated_at = ? WHERE id = ? AND donor_id IS NULL")
                .params(donorId, name, EmailAddresses.normalise(email), DbTime.param(now), id)
                .update();
    }

    void attachCheckout(long id, String sessionId, String url, Instant expiresAt, Instant now) {
        jdbc.sql("UPDATE donation SET checkout_session_id = ?, checkout_url = ?, checkout_expires_at = "
                        + "?, updated_at = ? WHERE id = ?")
                .params(sessionId, url, DbTime.param(expiresAt), DbTime.param(now), id)
                .update();
    }

    void linkSubscription(long id, String subscriptionId, Instant now) {
        jdbc.sql("UPDATE donation SET subscription_id = ?, updated_at = ? WHERE id = ? AND subscription_id IS NULL")
                .params(subscriptionId, DbTime.param(now), id)
                .update();
    }

    /**
     * Keeps a subscription's state when it is at least as new as the one kept, in one statement:
     * a state reported before the kept one changes nothing, and nothing moves a canceled one.
     */
    boolean subscriptionState(
            String subscriptionId,
            String status,
            Long amountMinor,
            DonationInterval interval,
            boolean paused,
            Instant nextPaymentAt,
            Instant observedAt,
            Instant now) {
        return jdbc.sql("UPDATE donation SET subscription_status = ?, amount_minor = COALESCE(?, "
                                + "amount_minor), donation_interval = COALESCE(?, donation_interval), "
                                + "collection_paused = ?, next_payment_at = COALESCE(?, next_payment_at), "
                                + "subscription_state_at = ?, updated_at = ? WHERE subscription_id = ? "
                                + "AND (subscription_status IS NULL OR subscription_status NOT IN ("
                                + FINAL_SUBSCRIPTION_STATES + ")) "
                                + "AND (subscription_state_at IS NULL OR subscription_state_at <= ?)")
                        .params(
                                status,
                                amountMinor,
                                interval == null ? null : interval.name(),
                                paused,
                                DbTime.param(nextPaymentAt),
                                DbTime.param(observedAt),
                                DbTime.param(now),
                                subscriptionId,
                                DbTime.param(observedAt))
                        .update()
                > 0;
    }

    void cancellationReason(long id, CancellationReason reason, String comment, Instant now) {
        jdbc.sql("UPDATE donation SET cancel_reason = ?, cancel_comment = ?, cancel_asked_at = ?, updated_at = ? "
                        + "WHERE id = ?")
                .params(reason == null ? null : reason.name(), comment, DbTime.param(now), DbTime.param(now), id)
                .update();
    }

    void statusReason(long id, String reason, Instant now) {
        jdbc.sql("UPDATE donation SET status_reason = ?, updated_at = ? WHERE id = ?")
                .params(
                        reason == null || reason.length() <= 300 ? reason : reason.substring(0, 300),
                        DbTime.param(now),
                        id)
                .update();
    }

    private Optional<Donation> one(String where, Object value) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM donation WHERE " + where)
                .param(value)
                .query(DonationRepository::row)
                .optional();
    }

    /**
     * Twelve times the monthly amounts plus the yearly amounts of the collecting recurring donations: the sum
     * of the recurring revenue log, as kept per month (two invariants hold it to the donations' states).
     */
    long committedYearly(long campaignId, boolean livemode) {
        return jdbc.sql("SELECT COALESCE(SUM(units), 0) FROM recurring_month WHERE campaign_id = ? AND livemode = ?")
                .params(campaignId, livemode)
                .query(Long.class)
                .single();
    }

    static Donation row(ResultSet rs, int rowNum) throws SQLException {
        long donor = rs.getLong("donor_id");
        Long donorId = rs.wasNull() ? null : donor;
        String currency = rs.getString("currency");
        long amount = rs.getLong("amount_minor");
        long gift = rs.getLong("gift_minor");
        boolean noGift = rs.wasNull();
        return new Donation(
                rs.getLong("id"),
                rs.getString("public_id"),
                rs.getLong("campaign_id"),
                donorId,
                DonationChannel.valueOf(rs.getString("channel")),
                DonationStatus.valueOf(rs.getString("status")),
                DonationInterval.valueOf(rs.getString("donation_interval")),
                Money.of(amount, currency),
                Money.of(noGift ? amount : gift, currency),
                rs.getBoolean("cover_fees"),
                rs.getBoolean("livemode"),
                rs.getString("donor_name"),
                rs.getString("donor_email"),
                rs.getBoolean("anonymous"),
                rs.getString("message"),
                rs.getString("checkout_session_id"),
                rs.getString("checkout_url"),
                DbTime.read(rs, "checkout_expires_at"),
                rs.getString("subscription_id"),
                rs.getString("subscription_status"),
                DbTime.read(rs, "created_at"),
                DbTime.read(rs, "updated_at"),
                rs.getString("locale"),
                rs.getBoolean("collection_paused"),
                DbTime.read(rs, "subscription_state_at"),
                rs.getString("status_reason"));
    }
}
