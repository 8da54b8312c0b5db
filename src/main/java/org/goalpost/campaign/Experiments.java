package org.goalpost.campaign;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.goalpost.shared.db.Transactions;
import org.goalpost.shared.web.ConflictException;
import org.goalpost.shared.web.FieldProblem;
import org.goalpost.shared.web.InvalidInputException;
import org.goalpost.shared.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Tests of the ask (issue 13): staff start an experiment (one at a time per campaign), stop it (readers see the
 * campaign's own ask again) and end it, which makes the winning variant the campaign's ask as readers saw it
 * ({@link AskExperiment.Variant#over}) with the winner's first frequency.
 * Every change marks the campaign changed, so the read path shows it at once.
 */
@Service
public class Experiments {

    private final Campaigns campaigns;
    private final CampaignRepository campaignRows;
    private final ExperimentRepository repository;
    private final Transactions transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Experiments(
            Campaigns campaigns,
            CampaignRepository campaignRows,
            ExperimentRepository repository,
            Transactions transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.campaigns = campaigns;
        this.campaignRows = campaignRows;
        this.repository = repository;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** A campaign's experiments, the newest first. */
    public List<AskExperiment> of(Campaign campaign) {
        return repository.ofCampaign(campaign.id());
    }

    public AskExperiment find(Campaign campaign, long id) {
        return of(campaign).stream()
                .filter(e -> e.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No experiment " + id + " of '" + campaign.slug() + "'"));
    }

    /**
     * Starts an experiment, its variants checked against the donation limits (minor units).
     *
     * @throws ConflictException while another experiment of the campaign runs or is stopped without an end
     */
    public AskExperiment start(Campaign campaign, ExperimentDraft draft, long minimumMinor, long maximumMinor) {
        List<AskExperiment.Variant> variants = ExperimentRules.check(draft, minimumMinor, maximumMinor);
        long id = transactions.inTransaction(() -> {
            if (!repository.open(List.of(campaign.id())).isEmpty()) {
                throw new ConflictException(List.of(new FieldProblem(
                        "experiment", "another experiment of this campaign is not ended yet: end it first")));
            }
            long created = repository.insert(campaign.id(), draft.name().strip(), variants, clock.instant());
            changed(campaign, null);
            return created;
        });
        return find(campaign, id);
    }

    /** Stops a running experiment: every reader sees the campaign's own ask again. */
    public AskExperiment stop(Campaign campaign, long id) {
        find(campaign, id);
        transactions.inTransaction(() -> {
            if (!repository.move(id, List.of(AskExperiment.RUNNING), AskExperiment.STOPPED, clock.instant(), null)) {
                throw new ConflictException(List.of(new FieldProblem("state", "only a running experiment stops")));
            }
            changed(campaign, null);
        });
        return find(campaign, id);
    }

    /** Ends an experiment: its {@code winner} variant becomes the campaign's ask. */
    public AskExperiment end(Campaign campaign, long id, String winner) {
        AskExperiment experiment = find(campaign, id);
        AskExperiment.Variant chosen = experiment
                .variant(winner == null ? "" : winner.strip())
                .orElseThrow(() -> new InvalidInputException(
                        "winner",
                        "name one of the variants: "
                                + experiment.variants().stream()
                                        .map(AskExperiment.Variant::key)
                                        .collect(Collectors.joining(", "))));
        Ask kept = chosen.over(campaign.ask());
        transactions.inTransaction(() -> {
            Instant now = clock.instant();
            if (!repository.move(
                    id,
                    List.of(AskExperiment.RUNNING, AskExperiment.STOPPED),
                    AskExperiment.ENDED,
                    now,
                    chosen.key())) {
                throw new ConflictException(List.of(new FieldProblem("state", "this experiment has ended already")));
            }
            campaignRows.saveAsk(campaign.id(), kept, now);
            changed(campaign, chosen.defaultInterval());
        });
        return find(campaign, id);
    }

    private void changed(Campaign campaign, String defaultInterval) {
        campaignRows.touch(campaign.id(), defaultInterval, clock.instant());
        campaigns.forget(campaign.id());
        events.publishEvent(new CampaignChanged(campaign.id()));
    }
}
