package org.goalpost.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.goalpost.shared.db.Transactions;
import org.goalpost.shared.web.ConflictException;
import org.goalpost.shared.web.FieldProblem;
import org.goalpost.shared.web.InvalidInputException;
import org.goalpost.shared.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** The campaign module's entrance: find, create and change campaigns, always through {@link CampaignRules}. */
@Service
public class Campaigns {

    private static final Duration REMEMBER = Duration.ofSeconds(1);

    private record Remembered(Campaign campaign, Instant until) {}

    private final Map<Long, Remembered> byId = new ConcurrentHashMap<>();
    private final CampaignRepository repository;
    private final CampaignRules rules;
    private final CampaignUsage usage;
    private final Transactions transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Campaigns(
            CampaignRepository repository,
            CampaignRules rules,
            CampaignUsage usage,
            Transactions transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.rules = rules;
        this.usage = usage;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    public Optional<Campaign> find(String slug) {
        return slug == null ? Optional.empty() : repository.findBySlug(slug);
    }

    /**
     * A campaign by id, from a short-lived memory (one second) that spares the payment path two
     * queries per event; a change made here is seen at once, one made by another instance within
     * the second. Money never depends on what may change in that second: a campaign's currency and
     * periods are locked once it has money.
     */
    public Optional<Campaign> find(long id) {
        Instant now = clock.instant();
        Remembered remembered = byId.get(id);
        if (remembered != null && now.isBefore(remembered.until())) {
            return Optional.of(remembered.campaign());
        }
        Optional<Campaign> found = repository.findById(id);
        found.ifPresent(campaign -> byId.put(id, new Remembered(campaign, now.plus(REMEMBER))));
        return found;
    }

    /** Drops a campaign from the payment path's one-second memory (it changed). */
    void forget(long id) {
        byId.remove(id);
    }

    /** A campaign by id, read from the database now. */
    public Optional<Campaign> load(long id) {
        return repository.findById(id);
    }

    /** A campaign the public may see (active or ended), or a 404. */
    public Campaign findPublic(String slug) {
        return find(slug)
                .filter(c -> c.status().isPublic())
                .orElseThrow(() -> new NotFoundException("No campaign '" + slug + "'"));
    }

    public List<Campaign> findAll() {
        return repository.findAll();
    }

    public List<Campaign> findPublic() {
        return repository.findAll().stream().filter(c -> c.status().isPublic()).toList();
    }

    /**
     * Creates a campaign with its tiers, all or nothing.
     *
     * @throws InvalidInputException naming each field that breaks a rule; nothing is written
     */
    public Campaign create(CampaignDraft draft) {
        ValidCampaign valid = rules.check(draft, slug -> repository.slugTaken(slug, null));
        long id = writeOrReportDuplicate(() -> repository.insert(valid, clock.instant()));
        return repository.findById(id).orElseThrow();
    }

    /**
     * Changes a campaign and replaces its tiers, all or nothing. The currency and the period cannot
     * change once money has been recorded for the campaign (that money would be re-interpreted),
     * and the currency cannot change while checkouts are open or recurring donations collect in the
     * old one (their money would arrive in a currency the campaign no longer counts).
     *
     * @throws ConflictException (409) naming the locked fields; nothing is written
     */
    public Campaign update(String slug, CampaignDraft draft) {
        Campaign current = find(slug).orElseThrow(() -> new NotFoundException("No campaign '" + slug + "'"));
        ValidCampaign valid = rules.check(draft, candidate -> repository.slugTaken(candidate, current.id()));
        List<FieldProblem> locked = new ArrayList<>();
        boolean currencyChanges = !valid.currency().equals(current.currency());
        boolean periodChanges =
                valid.periodKind() != current.periodKind() || !valid.timeZone().equals(current.timeZone());
        if ((currencyChanges || periodChanges) && usage.hasMoney(current.id())) {
            if (currencyChanges) {
                locked.add(new FieldProblem("currency", "cannot change once money has been recorded"));
            }
            if (periodChanges) {
                locked.add(new FieldProblem(
                        valid.periodKind() != current.periodKind() ? "period" : "timeZone",
                        "cannot change once money has been recorded"));
            }
        } else if (currencyChanges) {
            CampaignUsage.Commitments open = usage.openCommitments(current.id());
            if (open.any()) {
                locked.add(new FieldProblem(
                        "currency",
                        "cannot change while " + open.openCheckouts() + " checkout(s) are open and "
                                + open.activeRecurring() + " recurring donation(s) collect in "
                                + current.currency().getCurrencyCode()
                                + ": their money would arrive in the old currency"));
            }
        }
        if (!locked.isEmpty()) {
            throw new ConflictException(locked);
        }
        writeOrReportDuplicate(() -> {
            repository.update(current.id(), valid, clock.instant());
            return current.id();
        });
        return repository.findById(current.id()).orElseThrow();
    }

    /**
     * What a draft would look like once saved (checked by the same rules, slug uniqueness aside), for
     * the editor's preview of the public bar.
     *
     * @throws InvalidInputException when the draft breaks a rule
     */
    public Campaign preview(CampaignDraft draft) {
        ValidCampaign valid = rules.check(draft, slug -> false);
        Instant now = clock.instant();
        return new Campaign(
                0,
                valid.slug(),
                valid.title(),
                valid.description(),
                valid.currency(),
                valid.status(),
                valid.startsAt(),
                valid.endsAt(),
                valid.timeZone(),
                valid.periodKind(),
                valid.countBasis(),
                valid.amountStyle(),
                valid.tiers(),
                valid.embedOrigins(),
                valid.defaultInterval(),
                valid.goalType(),
                valid.lateMoneyShown(),
                valid.countRecurringAs(),
                Ask.NONE,
                now,
                now);
    }

    /**
     * Replaces a campaign's ask, checked by {@link AskRules} against the smallest and largest gift (minor units), and
     * tells the read path, as any change of a campaign does.
     *
     * @throws InvalidInputException naming each field that breaks a rule; nothing is written
     */
    public Campaign saveAsk(String slug, AskDraft draft, long minimumMinor, long maximumMinor) {
        Campaign current = find(slug).orElseThrow(() -> new NotFoundException("No campaign '" + slug + "'"));
        Ask ask = AskRules.check(draft, minimumMinor, maximumMinor);
        writeOrReportDuplicate(() -> {
            repository.saveAsk(current.id(), ask, clock.instant());
            return current.id();
        });
        return repository.findById(current.id()).orElseThrow();
    }

    /** Activates, ends or archives a campaign, keeping everything else as it is. */
    public Campaign changeStatus(String slug, String status) {
        Campaign current = find(slug).orElseThrow(() -> new NotFoundException("No campaign '" + slug + "'"));
        return update(slug, draftOf(current, status));
    }

    /** A campaign as a draft, to edit it. */
    public static CampaignDraft draftOf(Campaign campaign, String status) {
        return new CampaignDraft(
                campaign.slug(),
                campaign.title(),
                campaign.description(),
                campaign.currency().getCurrencyCode(),
                status,
                campaign.periodKind().name(),
                campaign.timeZone().getId(),
                campaign.startsAt(),
                campaign.endsAt(),
                campaign.countBasis().name(),
                campaign.amountStyle().name(),
                campaign.tiers().asList().stream()
                        .map(t -> new CampaignDraft.TierDraft(t.amountMinor(), t.label(), t.description()))
                        .toList(),
                campaign.embedOrigins().asList(),
                campaign.defaultInterval(),
                campaign.goalType().word(),
                campaign.lateMoneyShown(),
                campaign.countRecurringAs().word());
    }

    private long writeOrReportDuplicate(java.util.function.LongSupplier write) {
        try {
            return transactions.inTransaction(() -> {
                long id = write.getAsLong();
                byId.remove(id);
                events.publishEvent(new CampaignChanged(id));
                return id;
            });
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("slug", "is already used by another campaign");
        }
    }
}
