package org.goalpost.donation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class DonationRepository {

    private static final String COLUMNS = "id, public_id, campaign_id, donor_id, channel, status, donation_interval, "
            + "amount_minor, currency, livemode, donor_name, donor_email, anonymous, message, created_at, updated_at";

    private final JdbcClient jdbc;

    DonationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String publicId, NewDonation donation, Long donorId, DonationStatus status, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO donation (public_id, campaign_id, donor_id, channel, status, donation_interval, amount_minor, "
                        + "currency, livemode, donor_name, donor_email, anonymous, message, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(publicId, donation.campaignId(), donorId, donation.channel().name(), status.name(),
                        donation.interval().name(), donation.amount().minor(), donation.amount().currencyCode(),
                        donation.livemode(), donation.donorName(), donation.donorEmail(), donation.anonymous(),
                        donation.message(), DbTime.param(now), DbTime.param(now))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    Optional<Donation> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM donation WHERE id = ?").param(id).query(DonationRepository::row).optional();
    }

    Optional<Donation> findByPublicId(String publicId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM donation WHERE public_id = ?").param(publicId)
                .query(DonationRepository::row).optional();
    }

    /** Moves the status only from the expected one: a concurrent change in between makes this a no-op (false). */
    boolean moveStatus(long id, DonationStatus from, DonationStatus to, Instant now) {
        return jdbc.sql("UPDATE donation SET status = ?, updated_at = ? WHERE id = ? AND status = ?")
                .params(to.name(), DbTime.param(now), id, from.name())
                .update() == 1;
    }

    void attachDonor(long id, long donorId, Instant now) {
        jdbc.sql("UPDATE donation SET donor_id = ?, updated_at = ? WHERE id = ?").params(donorId, DbTime.param(now), id).update();
    }

    static Donation row(ResultSet rs, int rowNum) throws SQLException {
        long donor = rs.getLong("donor_id");
        Long donorId = rs.wasNull() ? null : donor;
        return new Donation(rs.getLong("id"), rs.getString("public_id"), rs.getLong("campaign_id"), donorId,
                DonationChannel.valueOf(rs.getString("channel")), DonationStatus.valueOf(rs.getString("status")),
                DonationInterval.valueOf(rs.getString("donation_interval")),
                Money.of(rs.getLong("amount_minor"), rs.getString("currency")), rs.getBoolean("livemode"),
                rs.getString("donor_name"), rs.getString("donor_email"), rs.getBoolean("anonymous"),
                rs.getString("message"), DbTime.read(rs, "created_at"), DbTime.read(rs, "updated_at"));
    }
}
