package org.goalpost.staff;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.goalpost.attribution.ExperimentReport;
import org.goalpost.audit.AuditLog;
import org.goalpost.campaign.Ask;
import org.goalpost.campaign.AskExperiment;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.campaign.ExperimentDraft;
import org.goalpost.campaign.Experiments;
import org.goalpost.donation.DonationPolicy;
import org.goalpost.shared.mode.AppMode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tests of the ask over the staff API (issue 13): list a campaign's experiments with their results per variant
 * ({@code GET}, either role, {@code ?mode=} for live or test money), start one, stop it and end it with a winner
 * (ADMIN, audited). Ending makes the winner the campaign's ask.
 */
@RestController
@SecurityRequirement(name = ApiDocumentation.STAFF_TOKEN)
@RequestMapping(path = "/api/staff/campaigns/{slug}/experiments", produces = MediaType.APPLICATION_JSON_VALUE)
class ExperimentApiController {

    record VariantJson(
            String key,
            int sharePercent,
            String headline,
            String defaultInterval,
            Map<String, List<Ask.AskAmount>> amounts,
            ExperimentReport.VariantResult results) {}

    record ExperimentJson(
            long id,
            String name,
            String state,
            Instant startedAt,
            Instant stoppedAt,
            Instant endedAt,
            String winner,
            long minimumViews,
            List<VariantJson> variants) {}

    record EndBody(String winner) {}

    private final Campaigns campaigns;
    private final Experiments experiments;
    private final ExperimentReport report;
    private final DonationPolicy policy;
    private final AuditLog audit;
    private final AppMode appMode;
    private final Clock clock;

    ExperimentApiController(
            Campaigns campaigns,
            Experiments experiments,
            ExperimentReport report,
            DonationPolicy policy,
            AuditLog audit,
            AppMode appMode,
            Clock clock) {
        this.campaigns = campaigns;
        this.experiments = experiments;
        this.report = report;
        this.policy = policy;
        this.audit = audit;
        this.appMode = appMode;
        this.clock = clock;
    }

    @GetMapping
    List<ExperimentJson> list(@PathVariable String slug, @RequestParam(required = false) String mode) {
        Campaign campaign = StaffApiController.campaign(campaigns, slug);
        boolean live = StaffApiController.live(mode, appMode);
        return experiments.of(campaign).stream()
                .map(e -> json(campaign, e, live))
                .toList();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ExperimentJson> start(@PathVariable String slug, @RequestBody ExperimentDraft body) {
        Campaign campaign = StaffApiController.campaign(campaigns, slug);
        AskExperiment started = experiments.start(
                campaign,
                body,
                policy.minimum(campaign).minor(),
                policy.maximum(campaign).minor());
        audit.record("experiment.started", slug, started.id() + " " + started.name() + " " + shares(started));
        return ResponseEntity.status(HttpStatus.CREATED).body(json(campaign, started, appMode.isLive()));
    }

    @PostMapping("/{id}/stop")
    ExperimentJson stop(@PathVariable String slug, @PathVariable long id) {
        Campaign campaign = StaffApiController.campaign(campaigns, slug);
        AskExperiment stopped = experiments.stop(campaign, id);
        audit.record("experiment.stopped", slug, String.valueOf(id));
        return json(campaign, stopped, appMode.isLive());
    }

    @PostMapping(path = "/{id}/end", consumes = MediaType.APPLICATION_JSON_VALUE)
    ExperimentJson end(@PathVariable String slug, @PathVariable long id, @RequestBody EndBody body) {
        Campaign campaign = StaffApiController.campaign(campaigns, slug);
        AskExperiment ended = experiments.end(campaign, id, body.winner());
        audit.record("experiment.ended", slug, id + " winner=" + ended.winner());
        return json(campaign, ended, appMode.isLive());
    }

    private ExperimentJson json(Campaign campaign, AskExperiment e, boolean live) {
        List<ExperimentReport.VariantResult> results = report.of(campaign, e, live, clock.instant());
        return new ExperimentJson(
                e.id(),
                e.name(),
                e.state(),
                e.startedAt(),
                e.stoppedAt(),
                e.endedAt(),
                e.winner(),
                ExperimentReport.MINIMUM_VIEWS,
                java.util.stream.IntStream.range(0, e.variants().size())
                        .mapToObj(i -> {
                            AskExperiment.Variant v = e.variants().get(i);
                            return new VariantJson(
                                    v.key(),
                                    v.sharePercent(),
                                    v.headline(),
                                    v.defaultInterval(),
                                    v.amounts(),
                                    results.get(i));
                        })
                        .toList());
    }

    private static String shares(AskExperiment e) {
        return e.variants().stream()
                .map(v -> v.key() + "=" + v.sharePercent() + "%")
                .reduce((a, b) -> a + "," + b)
                .orElse("");
    }
}
