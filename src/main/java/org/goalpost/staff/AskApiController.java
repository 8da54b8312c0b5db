package org.goalpost.staff;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import java.util.Map;
import org.goalpost.audit.AuditLog;
import org.goalpost.campaign.Ask;
import org.goalpost.campaign.AskDraft;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.donation.DonationPolicy;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A campaign's ask over the staff API: {@code GET} (either role) answers what staff set ({@code amounts}, a frequency
 * missing where the defaults apply) and what the donate form offers ({@code offered}, every frequency); {@code PUT}
 * (ADMIN) replaces what staff set, checked by the same rules as the ask page, and is audited.
 */
@RestController
@SecurityRequirement(name = ApiDocumentation.STAFF_TOKEN)
@RequestMapping(path = "/api/staff", produces = MediaType.APPLICATION_JSON_VALUE)
class AskApiController {

    record AskJson(
            String campaign,
            String headline,
            String accent,
            Map<String, List<Ask.AskAmount>> amounts,
            Map<String, List<Ask.AskAmount>> offered) {

        static AskJson of(Campaign campaign, Ask offered) {
            return new AskJson(
                    campaign.slug(),
                    campaign.ask().headline(),
                    campaign.ask().accent(),
                    campaign.ask().amounts(),
                    offered.amounts());
        }
    }

    private final Campaigns campaigns;
    private final DonationPolicy policy;
    private final AuditLog audit;

    AskApiController(Campaigns campaigns, DonationPolicy policy, AuditLog audit) {
        this.campaigns = campaigns;
        this.policy = policy;
        this.audit = audit;
    }

    @GetMapping("/campaigns/{slug}/ask")
    AskJson ask(@PathVariable String slug) {
        Campaign campaign = campaign(slug);
        return AskJson.of(campaign, policy.ask(campaign));
    }

    @PutMapping(path = "/campaigns/{slug}/ask", consumes = MediaType.APPLICATION_JSON_VALUE)
    AskJson replace(@PathVariable String slug, @RequestBody AskDraft body) {
        Campaign saved = AskController.save(campaign(slug), body, policy, campaigns);
        audit.record("campaign.ask", slug, AskController.summary(saved.ask()) + " via API");
        return AskJson.of(saved, policy.ask(saved));
    }

    private Campaign campaign(String slug) {
        return StaffApiController.campaign(campaigns, slug);
    }
}
