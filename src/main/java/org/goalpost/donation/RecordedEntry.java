package org.goalpost.donation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.goalpost.campaign.PeriodKey;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.money.Money;

/** A ledger row as stored. */
record RecordedEntry(
        long id,
        long campaignId,
        Long donationId,
        PeriodKey period,
        LedgerKind kind,
        Money amount,
        long feeMinor,
        String sourceRef,
        String donorRef,
        boolean livemode,
        Instant occurredAt,
        Instant recordedAt,
        String recordedBy,
        String note) {

    static final String COLUMNS = "id, campaign_id, donation_id, period_key, kind, amount_minor, fee_minor, currency, "
            + "source_ref, donor_ref, livemode, occurred_at, recorded_at, recorded_by, note";

    static RecordedEntry row(ResultSet rs, int rowNum) throws SQLException {
        long donation = rs.getLong("donation_id");
        Long donationId = rs.wasNull() ? null : donation;
        return new RecordedEntry(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                donationId,
                PeriodKey.parse(rs.getString("period_key")),
                LedgerKind.valueOf(rs.getString("kind")),
                Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
                rs.getLong("fee_minor"),
                rs.getString("source_ref"),
                rs.getString("donor_ref"),
                rs.getBoolean("livemode"),
                DbTime.read(rs, "occurred_at"),
                DbTime.read(rs, "recorded_at"),
                rs.getString("recorded_by"),
                rs.getString("note"));
    }
}
