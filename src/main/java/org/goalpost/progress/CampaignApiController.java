package org.goalpost.progress;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.PeriodKey;
import org.goalpost.shared.mode.AppMode;
import org.goalpost.shared.web.MalformedInputException;
import org.goalpost.shared.web.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

    private final ProgressService progress;
    private final ProgressCache cache;
    private final CachedResponses responses;
    private final AppMode mode;

    private final java.time.Clock clock;
    private final org.goalpost.donation.DonationPolicy policy;

    CampaignApiController(
            ProgressService progress,
            ProgressCache cache,
            CachedResponses responses,
            AppMode mode,
            java.time.Clock clock,
            org.goalpost.donation.DonationPolicy policy) {
        this.policy = policy;
        this.clock = clock;
        this.progress = progress;
        this.cache = cache;
        this.responses = responses;
        this.mode = mode;
    }

    /** The public campaigns, from memory. */
    @GetMapping
    void list(
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            HttpServletResponse response)
            throws IOException {
        responses.serve(cache.list(), ifNoneMatch, MediaType.APPLICATION_JSON_VALUE, response);
    }

    /**
     * One campaign in its current period, from memory (the widget's hot path: no database query),
     * or, with {@code ?period=YYYY-MM}, a past period, read from the database.
     */
    @GetMapping(path = "/{slug}", params = "!period")
    void one(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProgressCache.Snapshot snapshot =
                cache.find(slug).orElseThrow(() -> new NotFoundException("No campaign '" + slug + "'"));
        responses.serve(
                snapshot.json(),
                request.getHeader(HttpHeaders.IF_NONE_MATCH),
                MediaType.APPLICATION_JSON_VALUE,
                response);
    }

    /** A campaign in a past (or the current) period, {@code ?period=YYYY-MM}: read from the database, not cached. */
    @GetMapping(path = "/{slug}", params = "period")
    CampaignJson inPeriod(@PathVariable String slug, @RequestParam String period) {
        Campaign campaign = cache.find(slug)
                .map(ProgressCache.Snapshot::campaign)
                .orElseThrow(() -> new NotFoundException("No campaign '" + slug + "'"));
        if (period.isBlank()) {
            return CampaignJson.of(progress.current(campaign), AskJson.of(policy, campaign), mode, clock.instant());
        }
        return CampaignJson.of(
                progress.of(campaign, periodKey(campaign, period)),
                AskJson.of(policy, campaign),
                mode,
                clock.instant());
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
