package org.goalpost.progress;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.donation.DonationPolicy;
import org.goalpost.shared.money.MoneyFormatter;
import org.goalpost.shared.web.FieldProblem;
import org.goalpost.shared.web.InvalidInputException;
import org.goalpost.shared.web.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The public campaign page: title, description, the tier bar, the figures and the donate form. */
@Controller
class CampaignPageController {

    private final Campaigns campaigns;
    private final ProgressService progress;
    private final DonationPolicy policy;

    CampaignPageController(Campaigns campaigns, ProgressService progress, DonationPolicy policy) {
        this.campaigns = campaigns;
        this.progress = progress;
        this.policy = policy;
    }

    @GetMapping("/")
    String home(Model model, Locale locale) {
        model.addAttribute("cards", campaigns.findPublic().stream()
                .map(campaign -> new CampaignCard(campaign, ProgressBarView.of(progress.current(campaign), locale)))
                .toList());
        return "home";
    }

    @GetMapping("/campaigns/{slug}")
    String page(@PathVariable String slug, Model model, Locale locale) {
        Campaign campaign = campaigns.findPublic(slug);
        fill(model, campaign, new DonateForm(), List.of(), locale);
        return "campaign";
    }

    /**
     * Checks the donation with the same policy as the API. Payments are connected by the payment
     * module; until a gateway takes the donation, a valid form says so and nothing is written.
     */
    @PostMapping("/campaigns/{slug}/donate")
    String donate(@PathVariable String slug, @ModelAttribute("form") DonateForm form, Model model, Locale locale,
            HttpServletResponse response) {
        Campaign campaign = campaigns.findPublic(slug);
        try {
            policy.check(campaign, form.toRequest(campaign.currency()));
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            fill(model, campaign, form, readable(e.problems(), form, campaign), locale);
            return "campaign";
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        model.addAttribute("notice", "Payments are not connected yet: nothing was charged and nothing was recorded.");
        fill(model, campaign, form, List.of(), locale);
        return "campaign";
    }

    private void fill(Model model, Campaign campaign, DonateForm form, List<FieldProblem> problems, Locale locale) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("bar", ProgressBarView.of(progress.current(campaign), locale));
        model.addAttribute("presets", policy.presets(campaign).stream()
                .map(m -> Map.entry(String.valueOf(m.minor()), MoneyFormatter.format(m, locale, campaign.amountStyle())))
                .toList());
        model.addAttribute("minimum", MoneyFormatter.format(policy.minimum(campaign), locale, campaign.amountStyle()));
        model.addAttribute("maximum", MoneyFormatter.format(policy.maximum(campaign), locale, campaign.amountStyle()));
        model.addAttribute("form", form);
        model.addAttribute("errors", problems.stream()
                .collect(Collectors.toMap(FieldProblem::field, FieldProblem::message, (a, b) -> a + "; " + b)));
    }

    /** A campaign and its bar, for the list of campaigns. */
    record CampaignCard(Campaign campaign, ProgressBarView bar) {
    }

    private List<FieldProblem> readable(List<FieldProblem> problems, DonateForm form, Campaign campaign) {
        if (!form.amountUnreadable(campaign.currency())) {
            return problems;
        }
        return problems.stream()
                .map(p -> p.field().equals("amountMinor") ? new FieldProblem(p.field(), "write the amount as a number, such as 25 or 25.50") : p)
                .toList();
    }

    @ResponseStatus(HttpStatus.NOT_FOUND)
    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "not-found";
    }
}
