package org.goalpost.staff;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.Clock;
import java.util.List;
import org.goalpost.attribution.AttributionReport;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.shared.mode.AppMode;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which pages, placements, variants and sources bring support (issue 13), over the staff API: {@code
 * GET /api/staff/campaigns/{slug}/attribution?by=page|placement|variant|utmSource&from=&to=&mode=}, rows sorted by
 * money; the money without attribution apart; a day-by-day series for a chart.
 */
@RestController
@SecurityRequirement(name = ApiDocumentation.STAFF_TOKEN)
@RequestMapping(path = "/api/staff", produces = MediaType.APPLICATION_JSON_VALUE)
class AttributionApiController {

    record AttributionJson(
            String campaign,
            String by,
            String from,
            String to,
            boolean livemode,
            String currency,
            List<AttributionReport.Row> rows,
            long attributedMinor,
            long unattributedMinor,
            List<AttributionReport.Day> days) {}

    private final Campaigns campaigns;
    private final AttributionReport report;
    private final AppMode appMode;
    private final Clock clock;

    AttributionApiController(Campaigns campaigns, AttributionReport report, AppMode appMode, Clock clock) {
        this.campaigns = campaigns;
        this.report = report;
        this.appMode = appMode;
        this.clock = clock;
    }

    @GetMapping("/campaigns/{slug}/attribution")
    AttributionJson attribution(
            @PathVariable String slug,
            @RequestParam(required = false) String by,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String mode) {
        Campaign campaign = StaffApiController.campaign(campaigns, slug);
        AttributionReport.By grouping = AttributionReport.By.of(by);
        AttributionRange range = AttributionRange.of(from, to, campaign, clock);
        boolean live = StaffApiController.live(mode, appMode);
        AttributionReport.Report r = report.of(campaign, grouping, range.from(), range.to(), live);
        return new AttributionJson(
                slug,
                by == null || by.isBlank() ? "page" : by.strip(),
                range.from().toString(),
                range.to().toString(),
                live,
                campaign.currency().getCurrencyCode(),
                r.rows(),
                r.attributedMinor(),
                r.unattributedMinor(),
                r.days());
    }
}
