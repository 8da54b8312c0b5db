package org.goalpost.progress;

import jakarta.servlet.http.HttpServletRequest;
import org.goalpost.attribution.Attribution;
import org.goalpost.attribution.AttributionDraft;
import org.goalpost.attribution.AttributionRules;
import org.goalpost.campaign.Campaign;
import org.goalpost.shared.web.ForbiddenException;
import org.goalpost.shared.web.MalformedInputException;
import org.goalpost.shared.web.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The script widget's beacon (issue 13): {@code POST /api/campaigns/{slug}/views} with
 * {@code {"page", "placement", "variant"?, "event"?}} ({@code event}: {@code view}, the default, or {@code click}),
 * sent by {@code navigator.sendBeacon} as text, so no preflight. Answers {@code 204} without a body or a cookie; a
 * page of another site than the campaign's embed origins is refused ({@code 403}), a body that is not such JSON is a
 * {@code 400}, bad values a {@code 422}, and nothing is counted for them. Read from the read path's memory: no query.
 */
@RestController
class ViewsController {

    record Beacon(String page, String placement, String variant, String event) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ProgressCache cache;
    private final ReaderSignals signals;

    ViewsController(ProgressCache cache, ReaderSignals signals) {
        this.cache = cache;
        this.signals = signals;
    }

    @PostMapping(path = "/api/campaigns/{slug}/views")
    ResponseEntity<Void> beacon(
            @PathVariable String slug, @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        Campaign campaign = cache.find(slug)
                .map(ProgressCache.Snapshot::campaign)
                .orElseThrow(() -> new NotFoundException("No campaign '" + slug + "'"));
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !campaign.embedOrigins().allows(origin)) {
            throw new ForbiddenException("this campaign is not embedded on " + origin);
        }
        Beacon beacon;
        try {
            beacon = body == null || body.length == 0 ? null : JSON.readValue(body, Beacon.class);
        } catch (JacksonException e) {
            throw new MalformedInputException("body", "send JSON: {\"page\": \"https://…\", \"placement\": \"…\"}");
        }
        if (beacon == null) {
            throw new MalformedInputException("body", "send JSON: {\"page\": \"https://…\", \"placement\": \"…\"}");
        }
        boolean click = "click".equals(beacon.event());
        if (beacon.event() != null && !click && !"view".equals(beacon.event())) {
            throw new org.goalpost.shared.web.InvalidInputException("event", "must be 'view' or 'click'");
        }
        Attribution attribution = AttributionRules.check(
                new AttributionDraft(beacon.page(), beacon.placement(), beacon.variant(), null, null, null), "");
        if (signals.countable(request)) {
            if (click) {
                signals.click(campaign, attribution);
            } else {
                signals.view(campaign, attribution);
            }
        }
        return ResponseEntity.noContent().build();
    }
}
