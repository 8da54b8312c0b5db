package org.goalpost.progress;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.CampaignChanged;
import org.goalpost.campaign.Campaigns;
import org.goalpost.donation.CommitmentChanged;
import org.goalpost.donation.DonationPolicy;
import org.goalpost.donation.MoneyRecorded;
import org.goalpost.shared.mode.AppMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read path's memory: every public campaign's progress, its JSON ready as bytes with a strong
 * ETag, and its SVG per locale, so that the widget's requests never touch the database.
 *
 * <p>Freshness: money recorded or a campaign changed on this instance queues a rebuild of the
 * campaign's snapshot as soon as its transaction commits; the application's task executor rebuilds, and a
 * burst of changes to one campaign within 50 ms is folded into one rebuild (visible within about
 * 50 ms, without slowing the webhook that made the change). Every {@code goalpost.cache.poll} (1 s by
 * default) one small query compares each campaign's last change (campaign row, totals rows) with
 * what is cached, which brings in changes made by other instances on the same database, month
 * changes of monthly campaigns, and heals any rebuild that failed. A figure served from here is
 * therefore at most about one poll interval behind the database. A snapshot is only ever replaced
 * by one built from newer data.
 */
@Component
public class ProgressCache {

    private static final Logger log = LoggerFactory.getLogger(ProgressCache.class);
    static final int MAX_LOCALES = 24;

    /** What the read path serves for one campaign. */
    public record Snapshot(
            Campaign campaign,
            CampaignProgress progress,
            Representation json,
            Stamp stamp,
            Map<String, Representation> svgs) {}

    /** When a campaign and its totals last changed, and which period was current. */
    record Stamp(Instant campaignUpdatedAt, Instant totalsUpdatedAt, String period) {}

    private final Campaigns campaigns;
    private final DonationPolicy policy;
    private final ProgressService progress;
    private final JsonMapper json;
    private final MessageSource messages;
    private final AppMode mode;
    private final ChangeStamps stamps;
    private final Clock clock;
    private final Map<String, Snapshot> bySlug = new ConcurrentHashMap<>();
    private final Map<Long, String> slugs = new ConcurrentHashMap<>();
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();
    /** Changes to one campaign closer together than this are folded into one rebuild. */
    static final long FOLD_MILLIS = 50;

    private final Map<Long, Long> lastRebuilt = new ConcurrentHashMap<>();
    private final TaskExecutor background;
    private final Set<CompletableFuture<Void>> pending = ConcurrentHashMap.newKeySet();
    private volatile Representation list;

    ProgressCache(
            Campaigns campaigns,
            ProgressService progress,
            JsonMapper json,
            AppMode mode,
            ChangeStamps stamps,
            Clock clock,
            MessageSource messages,
            @Qualifier("applicationTaskExecutor") TaskExecutor background,
            DonationPolicy policy) {
        this.policy = policy;
        this.messages = messages;
        this.background = background;
        this.campaigns = campaigns;
        this.progress = progress;
        this.json = json;
        this.mode = mode;
        this.stamps = stamps;
        this.clock = clock;
    }

    /**
     * A public campaign's snapshot; empty for a slug that is not a public campaign. Answered from
     * memory alone once loaded: the cache holds every public campaign (a change made here is in it
     * when its transaction commits, one made by another instance within a poll), so a flood of
     * unknown slugs never reaches the database.
     */
    public Optional<Snapshot> find(String slug) {
        if (slug == null) {
            return Optional.empty();
        }
        if (list == null) {
            reloadAll();
        }
        return Optional.ofNullable(bySlug.get(slug));
    }

    /** The list of public campaigns, as JSON. */
    public Representation list() {
        Representation current = list;
        if (current == null) {
            reloadAll();
            current = list;
        }
        return current;
    }

    /** The SVG of a campaign's bar for a locale ({@code en-US}, {@code de-DE}), made once per locale. */
    public Representation svg(Snapshot snapshot, String localeTag) {
        return svg(snapshot, localeTag, null);
    }

    /**
     * The SVG for a locale and a width ({@code ?width=}, snapped to 300 to 1,200 in steps of 100; 600 by default): the
     * text keeps its size at every width, so the image stays readable in a 300 px column.
     */
    public Representation svg(Snapshot snapshot, String localeTag, String widthParameter) {
        int width = ProgressSvg.width(widthParameter);
        String tag = ProgressSvg.locale(localeTag).toLanguageTag() + (width == ProgressSvg.WIDTH ? "" : "@" + width);
        Representation known = snapshot.svgs().get(tag);
        if (known != null) {
            return known;
        }
        Locale locale = ProgressSvg.locale(localeTag);
        ProgressBarView bar = ProgressBarView.of(snapshot.progress(), locale);
        Representation made = Representation.of(ProgressSvg.render(
                width,
                bar,
                snapshot.campaign().title(),
                messages.getMessage(bar.valuetextKey(), new Object[] {bar.raised(), bar.goal()}, locale),
                messages.getMessage(bar.valueKey(), new Object[] {bar.raised()}, locale),
                messages.getMessage(bar.afterKey(), null, locale)));
        if (snapshot.svgs().size() < MAX_LOCALES) {
            snapshot.svgs().putIfAbsent(tag, made);
        }
        return made;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void moneyRecorded(MoneyRecorded event) {
        refreshAfterCommit(event.campaignId());
    }

    /** Recurring revenue changed (a recurring goal's bar moves without money): rebuilt as for money. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void commitmentChanged(CommitmentChanged event) {
        refreshAfterCommit(event.campaignId());
    }

    /**
     * A campaign changed here (created, edited, opened, ended): in the cache before the change's
     * request returns, so that its page and JSON answer at once (changes are rare; money is what
     * comes often, and is folded on the background thread).
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void campaignChanged(CampaignChanged event) {
        if (list == null) {
            return;
        }
        try {
            rebuild(event.campaignId());
            rebuildList();
        } catch (RuntimeException e) {
            log.warn(
                    "Could not refresh campaign {} after a change; the next poll will: {}",
                    event.campaignId(),
                    e.getMessage());
            refreshAfterCommit(event.campaignId());
        }
    }

    private void refreshAfterCommit(long campaignId) {
        if (list == null || !queued.add(campaignId)) {
            return;
        }
        long since = System.nanoTime() / 1_000_000 - lastRebuilt.getOrDefault(campaignId, 0L);
        long delay = Math.max(0, FOLD_MILLIS - since);
        CompletableFuture<Void> rebuilt = CompletableFuture.runAsync(
                () -> {
                    queued.remove(campaignId);
                    lastRebuilt.put(campaignId, System.nanoTime() / 1_000_000);
                    try {
                        rebuild(campaignId);
                        rebuildList();
                    } catch (RuntimeException e) {
                        log.warn(
                                "Could not refresh the progress of campaign {} after a change; the next poll will: {}",
                                campaignId,
                                e.getMessage());
                    }
                },
                CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS, background));
        pending.add(rebuilt);
        rebuilt.whenComplete((done, failure) -> pending.remove(rebuilt));
    }

    /** Waits until the rebuilds queued so far are done (tests). */
    public void awaitRebuilds() {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Brings in changes made elsewhere (another instance, a month's end) by comparing change stamps. */
    @Scheduled(fixedDelayString = "${goalpost.cache.poll:1s}")
    void poll() {
        if (list == null) {
            return;
        }
        boolean changed = false;
        Instant now = clock.instant();
        for (ChangeStamps.Row row : stamps.all()) {
            String slug = slugs.get(row.id());
            Snapshot cached = slug == null ? null : bySlug.get(slug);
            boolean isPublic = row.isPublic();
            if (cached == null) {
                if (isPublic) {
                    rebuild(row.id());
                    changed = true;
                }
                continue;
            }
            Stamp current = new Stamp(row.campaignUpdatedAt(), row.totalsUpdatedAt(), phase(cached.campaign(), now));
            if (!current.equals(cached.stamp()) || !isPublic) {
                rebuild(row.id());
                changed = true;
            }
        }
        if (changed) {
            rebuildList();
        }
    }

    private synchronized void reloadAll() {
        if (list != null) {
            return;
        }
        for (Campaign campaign : campaigns.findPublic()) {
            put(campaign);
        }
        rebuildList();
    }

    private void rebuild(long campaignId) {
        Optional<Campaign> campaign = campaigns.load(campaignId);
        String oldSlug = slugs.get(campaignId);
        if (campaign.isEmpty() || !campaign.get().status().isPublic()) {
            if (oldSlug != null) {
                bySlug.remove(oldSlug);
                slugs.remove(campaignId);
            }
            return;
        }
        if (oldSlug != null && !oldSlug.equals(campaign.get().slug())) {
            bySlug.remove(oldSlug);
        }
        put(campaign.get());
    }

    private void put(Campaign campaign) {
        CampaignProgress current = progress.current(campaign);
        Instant totalsUpdatedAt = current.totals().updatedAt();
        Instant latestTotals = stamps.latestTotalsChange(campaign.id());
        Stamp stamp = new Stamp(campaign.updatedAt(), latestTotals, phase(campaign, clock.instant()));
        Representation body = Representation.of(
                json.writeValueAsBytes(CampaignJson.of(current, AskJson.of(policy, campaign), mode, clock.instant())));
        bySlug.compute(campaign.slug(), (slug, previous) -> {
            if (previous != null && isOlder(stamp, previous.stamp())) {
                return previous;
            }
            Map<String, Representation> svgs =
                    previous != null && previous.json().etag().equals(body.etag())
                            ? previous.svgs()
                            : new ConcurrentHashMap<>();
            return new Snapshot(campaign, current, body, stamp, svgs);
        });
        slugs.put(campaign.id(), campaign.slug());
        log.debug(
                "Progress of {} cached ({} raised, totals of {})", campaign.slug(), current.raised(), totalsUpdatedAt);
    }

    /**
     * Where a campaign stands in time: its current period, and whether it has ended (its bar may stand still then,
     * its JSON says so): a change of either rebuilds its snapshot though no data changed.
     */
    private static String phase(Campaign campaign, Instant now) {
        return campaign.periodAt(now).key().value() + (campaign.hasEndedAt(now) ? "/ended" : "");
    }

    /** A snapshot built from data older than the one cached must not replace it (concurrent rebuilds). */
    private static boolean isOlder(Stamp candidate, Stamp cached) {
        return before(candidate.campaignUpdatedAt(), cached.campaignUpdatedAt())
                || before(candidate.totalsUpdatedAt(), cached.totalsUpdatedAt());
    }

    private static boolean before(Instant a, Instant b) {
        return b != null && (a == null || a.isBefore(b));
    }

    /** Synchronized: rebuilds run on several threads, and the list written last must be the newest. */
    private synchronized void rebuildList() {
        List<CampaignJson> all = bySlug.values().stream()
                .sorted((a, b) -> Long.compare(a.campaign().id(), b.campaign().id()))
                .map(s -> CampaignJson.of(s.progress(), AskJson.of(policy, s.campaign()), mode, clock.instant()))
                .toList();
        list = Representation.of(json.writeValueAsBytes(all));
    }
}
