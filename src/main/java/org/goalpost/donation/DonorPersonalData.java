package org.goalpost.donation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.privacy.PersonalData;
import org.goalpost.shared.text.EmailAddresses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A donor's donations, found by the donor's email address. Erasing takes out the name, the email
 * and the message, marks the donations anonymous and forgets the donor's address; the donations'
 * amounts, dates and statuses and every ledger row stay, so totals and donor counts do not move.
 * (Donors' IP addresses are not stored.)
 */
@Component
class DonorPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    DonorPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "donations";
    }

    @Override
    public Map<String, Object> export(String email) {
        String address = EmailAddresses.normalise(email);
        Map<String, Object> found = new LinkedHashMap<>();
        Optional<Long> donor = jdbc.sql("SELECT id FROM donor WHERE email = ?")
                .param(address)
                .query(Long.class)
                .optional();
        donor.ifPresent(id -> found.put("donorId", id));
        List<Map<String, Object>> donations = jdbc.sql("""
                SELECT d.id, d.public_id, c.slug, d.status, d.donation_interval, d.amount_minor, d.gift_minor,
                d.currency, d.livemode,
                       d.donor_name, d.donor_email, d.anonymous, d.message, d.subscription_id,
                       d.subscription_status, d.created_at
                FROM donation d JOIN campaign c ON c.id = d.campaign_id
                WHERE d.donor_id = ? OR LOWER(d.donor_email) = ? ORDER BY d.created_at, d.id""")
                .params(donor.orElse(-1L), address)
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    long id = rs.getLong("id");
                    row.put("donation", rs.getString("public_id"));
                    row.put("campaign", rs.getString("slug"));
                    row.put("status", rs.getString("status"));
                    row.put("interval", rs.getString("donation_interval"));
                    row.put("amountMinor", rs.getLong("amount_minor"));
                    row.put("giftMinor", rs.getObject("gift_minor"));
                    row.put("currency", rs.getString("currency"));
                    row.put("livemode", rs.getBoolean("livemode"));
                    row.put("name", rs.getString("donor_name"));
                    row.put("email", rs.getString("donor_email"));
                    row.put("anonymous", rs.getBoolean("anonymous"));
                    row.put("message", rs.getString("message"));
                    row.put("subscription", rs.getString("subscription_id"));
                    row.put("subscriptionStatus", rs.getString("subscription_status"));
                    row.put("createdAt", DbTime.read(rs, "created_at").toString());
                    row.put("id", id);
                    return row;
                })
                .list();
        for (Map<String, Object> donation : donations) {
            long id = (Long) donation.remove("id");
            donation.put(
                    "money",
                    jdbc.sql("SELECT kind, amount_minor, fee_minor, currency, source_ref, occurred_at "
                                    + "FROM ledger_entry "
                                    + "WHERE donation_id = ? ORDER BY id")
                            .param(id)
                            .query((rs, n) -> {
                                Map<String, Object> entry = new LinkedHashMap<>();
                                entry.put("kind", rs.getString("kind"));
                                entry.put("amountMinor", rs.getLong("amount_minor"));
                                entry.put("feeMinor", rs.getLong("fee_minor"));
                                entry.put("currency", rs.getString("currency"));
                                entry.put("reference", rs.getString("source_ref"));
                                entry.put(
                                        "occurredAt",
                                        DbTime.read(rs, "occurred_at").toString());
                                return entry;
                            })
                            .list());
        }
        if (!donations.isEmpty()) {
            found.put("items", donations);
        }
        return found;
    }

    @Override
    public int erase(String email) {
        String address = EmailAddresses.normalise(email);
        Optional<Long> donor = jdbc.sql("SELECT id FROM donor WHERE email = ?")
                .param(address)
                .query(Long.class)
                .optional();
        int donations = jdbc.sql(
                        "UPDATE donation SET donor_name = NULL, donor_email = NULL, message = NULL, anonymous = TRUE "
                                + "WHERE (donor_id = ? OR LOWER(donor_email) = ?) "
                                + "AND (donor_name IS NOT NULL OR donor_email IS NOT NULL OR message IS NOT "
                                + "NULL OR anonymous = FALSE)")
                .params(donor.orElse(-1L), address)
                .update();
        // the donor stays (donor counts refer to it) without its address
        int donors = donor.map(id -> jdbc.sql("UPDATE donor SET email = NULL WHERE id = ?")
                        .param(id)
                        .update())
                .orElse(0);
        return donations + donors;
    }
}
