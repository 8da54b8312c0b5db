package org.goalpost.staff;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.goalpost.audit.AuditLog;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.CampaignDraft;
import org.goalpost.campaign.Campaigns;
import org.goalpost.donation.PeriodTotals;
import org.goalpost.progress.CampaignProgress;
import org.goalpost.progress.ProgressBarView;
import org.goalpost.shared.money.Currencies;
import org.goalpost.shared.web.ConflictException;
import org.goalpost.shared.web.FieldProblem;
import org.goalpost.shared.web.InvalidInputException;
import org.goalpost.shared.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Creating and editing campaigns (ADMIN): the fields, the tier editor, a preview of the public bar, and the
 * status buttons.
 */
@Controller
class StaffCampaignController {

    private final Campaigns campaigns;
    private final Currencies currencies;
    private final AuditLog audit;

    StaffCampaignController(Campaigns campaigns, Currencies currencies, AuditLog audit) {
        this.campaigns = campaigns;
        this.currencies = currencies;
        this.audit = audit;
    }

    @GetMapping("/staff/campaigns/new")
    String create(Model model) {
        return editor(model, new CampaignForm(), null, List.of());
    }

    @GetMapping("/staff/campaigns/{slug}/edit")
    String edit(@PathVariable String slug, Model model) {
        Campaign campaign = campaign(slug);
        return editor(model, CampaignForm.of(campaign), slug, List.of());
    }

    /** Saves a new campaign, or applies a tier button ({@code tierAction}) and shows the form again. */
    @PostMapping("/staff/campaigns")
    String saveNew(
            @ModelAttribute("form") CampaignForm form,
            @RequestParam(required = false) String tierAction,
            Model model,
            HttpServletResponse response) {
        return save(form, tierAction, null, model, response);
    }

    @PostMapping("/staff/campaigns/{slug}")
    String saveExisting(
            @PathVariable String slug,
            @ModelAttribute("form") CampaignForm form,
            @RequestParam(required = false) String tierAction,
            Model model,
            HttpServletResponse response) {
        campaign(slug);
        return save(form, tierAction, slug, model, response);
    }

    @PostMapping("/staff/campaigns/{slug}/status")
    String status(@PathVariable String slug, @RequestParam String status) {
        Campaign before = campaign(slug);
        Campaign after = campaigns.changeStatus(slug, status);
        audit.record("campaign.status", slug, before.status() + " -> " + after.status());
        return "redirect:/staff";
    }

    private String save(
            CampaignForm form, String tierAction, String existingSlug, Model model, HttpServletResponse response) {
        if (tierAction != null && !tierAction.isBlank()) {
            form.applyTierAction(tierAction);
            return editor(model, form, existingSlug, List.of());
        }
        try {
            CampaignDraft draft = form.toDraft();
            Campaign saved = existingSlug == null ? campaigns.create(draft) : campaigns.update(existingSlug, draft);
            audit.record(existingSlug == null ? "campaign.created" : "campaign.updated", saved.slug(), summary(saved));
            return "redirect:/staff?saved=" + saved.slug();
        } catch (InvalidInputException e) {
            response.setStatus(
                    e instanceof ConflictException
                            ? HttpStatus.CONFLICT.value()
                            : HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editor(model, form, existingSlug, e.problems());
        }
    }

    private String editor(Model model, CampaignForm form, String existingSlug, List<FieldProblem> problems) {
        model.addAttribute("form", form);
        model.addAttribute("existingSlug", existingSlug);
        model.addAttribute(
                "errors",
                problems.stream()
                        .collect(Collectors.toMap(FieldProblem::field, FieldProblem::message, (a, b) -> a + "; " + b)));
        model.addAttribute(
                "currencies",
                currencies.allowed().stream()
                        .map(c -> c.getCurrencyCode())
                        .sorted()
                        .toList());
        model.addAttribute("preview", preview(form));
        return "staff/campaign-form";
    }

    /** The public bar as the form would draw it, with nothing raised yet (none while the form breaks a rule). */
    private ProgressBarView preview(CampaignForm form) {
        try {
            Campaign campaign = campaigns.preview(form.toDraft());
            var period = campaign.periodAt(Instant.now());
            return ProgressBarView.of(
                    new CampaignProgress(
                            campaign,
                            period,
                            PeriodTotals.empty(0, period.key(), false, campaign.currency()),
                            campaign.money(0),
                            campaign.tiers().progressAt(0)),
                    Locale.US);
        } catch (InvalidInputException e) {
            return null;
        }
    }

    private Campaign campaign(String slug) {
        return campaigns.find(slug).orElseThrow(() -> new NotFoundException("No campaign '" + slug + "'"));
    }

    private static String summary(Campaign c) {
        return "status=" + c.status() + " currency=" + c.currency().getCurrencyCode() + " period=" + c.periodKind()
                + " tiers="
                + c.tiers().asList().stream()
                        .map(t -> String.valueOf(t.amountMinor()))
                        .collect(Collectors.joining(","));
    }
}
