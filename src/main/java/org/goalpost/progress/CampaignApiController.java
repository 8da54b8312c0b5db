package org.goalpost.progress;

import java.util.List;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.campaign.PeriodKey;
import org.goalpost.shared.mode.AppMode;
import org.goalpost.shared.web.MalformedInputException;
import org.goalpost.shared.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public JSON: the campaigns and their progress. */
@RestController
@RequestMapping(path = "/api/campaigns", produces = MediaType.APPLICATION_JSON_VALUE)
class CampaignApiController {

    private final Campaigns campaigns;
    private final ProgressService progress;
    private final AppMode mode;

    CampaignApiController(Campaigns campaigns, ProgressService progress, AppMode mode) {
        this.campaigns = campaigns;
        this.progress = progress;
        this.mode = mode;
    }

    @GetMapping
    List<CampaignJson> list() {
        return campaigns.findPublic().stream().map(c -> CampaignJson.of(progress.current(c), mode)).toList();
    }

    /** One campaign, in its current period or, with {@code ?period=YYYY-MM}, a past one. */
    @GetMapping("/{slug}")
    CampaignJson one(@PathVariable String slug, @RequestParam(required = false) String period) {
        Campaign campaign = campaigns.findPublic(slug);
        if (period == null || period.isBlank()) {
            return CampaignJson.of(progress.current(campaign), mode);
        }
        return CampaignJson.of(progress.of(campaign, periodKey(campaign, period)), mode);
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
