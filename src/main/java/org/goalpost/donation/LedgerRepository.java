package org.goalpost.donation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.goalpost.shared.db.DbTime;
import org.goalpost.shared.db.DuplicateKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ledger table: rows are inserted, never updated or deleted. */
@Repository
class LedgerRepository {

    private final JdbcClient jdbc;

    LedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the entry; false when an entry of the same kind and source is already there. */
    boolean insert(long campaignId, LedgerEntry entry, Instant now) {
        return DuplicateKeys.insertUnlessPresent(
                () -> jdbc.sql("INSERT INTO ledger_entry (campaign_id, donation_id, period_key, kind, amount_minor, "
                                + "fee_minor, currency, "
                                + "source_ref, donor_ref, livemode, occurred_at, recorded_at, recorded_by, note) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(
                                campaignId,
                                entry.donationId(),
                                entry.period().value(),
                                entry.kind().name(),
                                entry.amount().minor(),
                                entry.feeMinor(),
                                entry.amount().currencyCode(),
                                entry.sourceRef(),
                                entry.donor().value(),
                                entry.livemode(),
                                DbTime.param(entry.occurredAt()),
                                DbTime.param(now),
                                entry.recordedBy(),
                                entry.note())
                        .update());
    }

    /** Adds a donor to the period's donors; false when they were already counted there. */
    boolean addPeriodDonor(long campaignId, LedgerEntry entry) {
        return DuplicateKeys.insertUnlessPresent(() -> jdbc.sql(
                        "INSERT INTO period_donor (campaign_id, period_key, livemode, donor_ref) VALUES (?, ?, ?, ?)")
                .params(
                        campaignId,
                        entry.period().value(),
                        entry.livemode(),
                        entry.donor().value())
                .update());
    }

    Optional<RecordedEntry> find(LedgerKind kind, String sourceRef) {
        return jdbc.sql("SELECT " + RecordedEntry.COLUMNS + " FROM ledger_entry WHERE kind = ? AND source_ref = ?")
                .params(kind.name(), sourceRef)
                .query(RecordedEntry::row)
                .optional();
    }

    List<RecordedEntry> forDonation(long donationId) {
        return jdbc.sql("SELECT " + RecordedEntry.COLUMNS
                        + " FROM ledger_entry WHERE donation_id = ? ORDER BY occurred_at, id")
                .param(donationId)
                .query(RecordedEntry::row)
                .list();
    }

    boolean hasEntries(long campaignId) {
        return jdbc.sql("SELECT COUNT(*) FROM ledger_entry WHERE campaign_id = ?")
                        .param(campaignId)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
