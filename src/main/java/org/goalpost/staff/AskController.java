package org.goalpost.staff;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.stream.Collectors;
import org.goalpost.attribution.ExperimentReport;
import org.goalpost.audit.AuditLog;
import org.goalpost.campaign.Ask;
import org.goalpost.campaign.AskDraft;
import org.goalpost.campaign.AskExperiment;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.CampaignRules;
import org.goalpost.campaign.Campaigns;
import org.goalpost.campaign.Experiments;
import org.goalpost.donation.DonationPolicy;
import org.goalpost.shared.mode.AppMode;
import org.goalpost.shared.web.FieldProblem;
import org.goalpost.shared.web.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A campaign's ask (issue 14): the amounts its donate form offers per frequency, their impact lines, the preselected
 * one, the headline and the accent colour. Staff see it; admins change it (audited).
 */
@Controller
class AskController {

    private final Campaigns campaigns;
    private final DonationPolicy policy;
    private final AuditLog audit;
    private final Fmt fmt;
    private final Experiments experiments;
    private final ExperimentReport results;
    private final AppMode appMode;
    private final java.time.Clock clock;

    /** An experiment as the ask page lists it: the experiment and its results per variant. */
    record ExperimentView(AskExperiment experiment, List<ExperimentReport.VariantResult> results) {}

    AskController(
            Campaigns campaigns,
            DonationPolicy policy,
            AuditLog audit,
            Fmt fmt,
            Experiments experiments,
            ExperimentReport results,
            AppMode appMode,
            java.time.Clock clock) {
        this.experiments = experiments;
        this.results = results;
        this.appMode = appMode;
        this.clock = clock;
        this.fmt = fmt;
        this.campaigns = campaigns;
        this.policy = policy;
        this.audit = audit;
    }

    @GetMapping("/staff/campaigns/{slug}/ask")
    String show(@PathVariable String slug, HttpSession session, Model model) {
        Campaign campaign = campaign(slug);
        experimentsOf(campaign, session, model);
        return page(model, campaign, AskForm.of(campaign.ask(), campaign.currency()), List.of(), false);
    }

    /** Starts an experiment from the ask page (audited); a refused one comes back with its messages. */
    @PostMapping("/staff/campaigns/{slug}/experiments")
    String startExperiment(
            @PathVariable String slug,
            @ModelAttribute("experimentForm") ExperimentForm form,
            HttpSession session,
            Model model,
            HttpServletResponse response) {
        Campaign campaign = campaign(slug);
        try {
            AskExperiment started = experiments.start(
                    campaign,
                    form.toDraft(campaign.currency()),
                    policy.minimum(campaign).minor(),
                    policy.maximum(campaign).minor());
            audit.record("experiment.started", slug, started.id() + " " + started.name() + " from the ask page");
            return "redirect:/staff/campaigns/" + slug + "/ask";
        } catch (InvalidInputException e) {
            response.setStatus(
                    e instanceof org.goalpost.shared.web.ConflictException
                            ? org.springframework.http.HttpStatus.CONFLICT.value()
                            : HttpStatus.UNPROCESSABLE_CONTENT.value());
            experimentsOf(campaign, session, model);
            model.addAttribute("experimentForm", form);
            model.addAttribute(
                    "experimentErrors",
                    e.problems().stream()
                            .map(p -> p.field() + ": " + p.message())
                            .toList());
            return page(model, campaign, AskForm.of(campaign.ask(), campaign.currency()), List.of(), false);
        }
    }

    /** Stops a running experiment (audited): readers see the campaign's own ask again. */
    @PostMapping("/staff/campaigns/{slug}/experiments/{id}/stop")
    String stop(@PathVariable String slug, @PathVariable long id) {
        experiments.stop(campaign(slug), id);
        audit.record("experiment.stopped", slug, String.valueOf(id));
        return "redirect:/staff/campaigns/" + slug + "/ask";
    }

    /** Ends an experiment with its winner (audited), which becomes the campaign's ask. */
    @PostMapping("/staff/campaigns/{slug}/experiments/{id}/end")
    String end(@PathVariable String slug, @PathVariable long id, @RequestParam String winner) {
        AskExperiment ended = experiments.end(campaign(slug), id, winner);
        audit.record("experiment.ended", slug, id + " winner=" + ended.winner());
        return "redirect:/staff/campaigns/" + slug + "/ask";
    }

    private void experimentsOf(Campaign campaign, HttpSession session, Model model) {
        boolean live = StaffPageAdvice.livemode(session, appMode);
        model.addAttribute(
                "experiments",
                experiments.of(campaign).stream()
                        .map(e -> new ExperimentView(e, results.of(campaign, e, live, clock.instant())))
                        .toList());
        model.addAttribute("minimumViews", ExperimentReport.MINIMUM_VIEWS);
        if (!model.containsAttribute("experimentForm")) {
            model.addAttribute("experimentForm", new ExperimentForm());
        }
        if (!model.containsAttribute("experimentErrors")) {
            model.addAttribute("experimentErrors", List.of());
        }
    }

    @PostMapping("/staff/campaigns/{slug}/ask")
    String save(
            @PathVariable String slug,
            @ModelAttribute("form") AskForm form,
            Model model,
            HttpSession session,
            HttpServletResponse response) {
        Campaign campaign = campaign(slug);
        experimentsOf(campaign, session, model);
        try {
            Campaign saved = save(campaign, form.toDraft(campaign.currency()), policy, campaigns);
            audit.record("campaign.ask", slug, summary(saved.ask()));
            return page(model, saved, AskForm.of(saved.ask(), saved.currency()), List.of(), true);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, campaign, form, e.problems(), false);
        }
    }

    /** Saves an ask within the donation limits of the campaign's currency: the page and the API save alike. */
    static Campaign save(Campaign campaign, AskDraft draft, DonationPolicy policy, Campaigns campaigns) {
        return campaigns.saveAsk(
                campaign.slug(),
                draft,
                policy.minimum(campaign).minor(),
                policy.maximum(campaign).minor());
    }

    /** What the audit log keeps of an ask: the amounts per frequency, the preselected one starred. */
    static String summary(Ask ask) {
        return CampaignRules.INTERVALS.stream()
                        .map(f -> f + "="
                                + ask.amounts(f).stream()
                                        .map(a -> a.amountMinor() + (a.preselected() ? "*" : ""))
                                        .collect(Collectors.joining(",")))
                        .collect(Collectors.joining(" "))
                + (ask.accent() == null ? "" : " accent=" + ask.accent());
    }

    private String page(Model model, Campaign campaign, AskForm form, List<FieldProblem> problems, boolean saved) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("form", form);
        model.addAttribute("saved", saved);
        model.addAttribute("frequencies", CampaignRules.INTERVALS);
        Ask offered = policy.ask(campaign);
        model.addAttribute(
                "offered",
                CampaignRules.INTERVALS.stream()
                        .collect(Collectors.toMap(
                                f -> f,
                                f -> offered.amounts(f).stream()
                                        .map(a -> fmt.money(a.amountMinor(), campaign)
                                                + (a.preselected() ? " (preselected)" : ""))
                                        .collect(Collectors.joining(", ")))));
        model.addAttribute("minimum", policy.minimum(campaign));
        model.addAttribute("maximum", policy.maximum(campaign));
        model.addAttribute(
                "errors",
                problems.stream()
                        .collect(Collectors.toMap(FieldProblem::field, FieldProblem::message, (a, b) -> a + "; " + b)));
        return "staff/ask";
    }

    private Campaign campaign(String slug) {
        return StaffApiController.campaign(campaigns, slug);
    }
}
