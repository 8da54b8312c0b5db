package org.goalpost.progress;

import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.campaign.PeriodKey;
import org.goalpost.shared.mode.AppMode;
import org.goalpost.shared.web.MalformedInputException;
import org.goalpost.shared.web.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public JSON: the campaigns and their progress. */
@RestController
@RequestMapping(path = "/api/campaigns", produces = MediaType.APPLICATION_JSON_VALUE)
class CampaignApiController {

    private final Campaigns campaigns;
    private final ProgressService progress;
    private final ProgressCache cache;
    private final CachedResponses responses;
    private final AppMode mode;

    CampaignApiController(Campaigns campaigns, ProgressService progress, ProgressCache cache, CachedResponses responses,
            AppMode mode) {
        this.campaigns = campaigns;
        this.progress = progress;
        this.cache = cache;
        this.responses = responses;
        this.mode = mode;
    }

    /** The public campaigns, from memory. */
    @GetMapping
    ResponseEntity<byte[]> list(@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return responses.serve(cache.list(), ifNoneMatch, MediaType.APPLICATION_JSON);
    }

    /**
     * One campaign in its current period, from memory (the widget's hot path: no database query),
     * or, with {@code ?period=YYYY-MM}, a past period, read from the database.
     */
    @GetMapping("/{slug}")
    ResponseEntity<?> one(@PathVariable String slug, @RequestParam(required = false) String period,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        if (period == null || period.isBlank()) {
            ProgressCache.Snapshot snapshot = cache.find(slug).orElseThrow(() -> new NotFoundException("No campaign '" + slug + "'"));
            return responses.serve(snapshot.json(), ifNoneMatch, MediaType.APPLICATION_JSON);
        }
        Campaign campaign = campaigns.findPublic(slug);
        return ResponseEntity.ok(CampaignJson.of(progress.of(campaign, periodKey(campaign, period)), mode));
    }

    private static PeriodKey periodKey(Campaign campaign, String value) {
        PeriodKey key;
        try {
            key = PeriodKey.parse(value.strip());
        } catch (IllegalArgumentException e) {
            throw new MalformedInputException("period", "must be YYYY-MM (or ALL for a campaign without periods)");
        }
        try {
            campaign.period(key);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new NotFoundException("Campaign '" + campaign.slug() + "' has no period " + value);
        }
        return key;
    }
}
