package org.goalpost.donation;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.goalpost.campaign.Campaign;
import org.goalpost.shared.db.Transactions;
import org.goalpost.shared.money.CurrencyMismatchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records money movements. Each entry is written once (unique per kind and source) and, in the
 * same transaction, added to its period's totals; recording an entry again changes nothing.
 * When called inside a transaction already under way (a webhook's), it joins it, so that the
 * entry and whatever else that transaction writes commit or roll back together.
 */
@Service
public class Ledger {

    private static final Logger log = LoggerFactory.getLogger(Ledger.class);

    private final LedgerRepository entries;
    private final TotalsRepository totals;
    private final Transactions transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Pledges pledges;

    Ledger(
            LedgerRepository entries,
            TotalsRepository totals,
            Transactions transactions,
            ApplicationEventPublisher events,
            Clock clock,
            MeterRegistry meters,
            Pledges pledges) {
        this.pledges = pledges;
        this.entries = entries;
        this.totals = totals;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
    }

    public Posting record(Campaign campaign, LedgerEntry entry) {
        if (!entry.amount().currency().equals(campaign.currency())) {
            throw new CurrencyMismatchException(
                    campaign.currency(), entry.amount().currency());
        }
        return transactions.inTransaction(() -> {
            if (!entries.insert(campaign.id(), entry, clock.instant())) {
                warnIfConflicting(campaign, entry);
                return Posting.ALREADY_RECORDED;
            }
            boolean newDonor = entry.kind().isGift() && entries.addPeriodDonor(campaign.id(), entry);
            totals.add(campaign.id(), campaign.timeZone(), entry, newDonor, clock.instant());
            pledges.recorded(campaign.id(), entry);
            events.publishEvent(new MoneyRecorded(campaign.id()));
            countOnceCommitted(entry);
            return Posting.RECORDED;
        });
    }

    /**
     * {@code goalpost.ledger.rows} and {@code goalpost.ledger.amount} (minor units, by kind, currency and
     * mode), after the commit only.
     */
    private void countOnceCommitted(LedgerEntry entry) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                String kind = entry.kind().name();
                String mode = entry.livemode() ? "live" : "test";
                meters.counter("goalpost.ledger.rows", "kind", kind, "mode", mode)
                        .increment();
                DistributionSummary.builder("goalpost.ledger.amount")
                        .baseUnit("minor units")
                        .tags(
                                "kind",
                                kind,
                                "mode",
                                mode,
                                "currency",
                                entry.amount().currencyCode())
                        .register(meters)
                        .record(Math.abs(entry.amount().minor()));
            }
        });
    }

    public Optional<RecordedEntry> find(LedgerKind kind, String sourceRef) {
        return entries.find(kind, sourceRef);
    }

    public List<RecordedEntry> entriesOf(long donationId) {
        return entries.forDonation(donationId);
    }

    private void warnIfConflicting(Campaign campaign, LedgerEntry entry) {
        entries.find(entry.kind(), entry.sourceRef())
                .filter(kept ->
                        kept.campaignId() != campaign.id() || !kept.amount().equals(entry.amount()))
                .ifPresent(kept -> log.warn(
                        "Ledger entry {} {} was recorded before as {} for campaign {}; now offered as {} "
                                + "for campaign {}. The first one stands.",
                        entry.kind(),
                        entry.sourceRef(),
                        kept.amount(),
                        kept.campaignId(),
                        entry.amount(),
                        campaign.id()));
    }
}
