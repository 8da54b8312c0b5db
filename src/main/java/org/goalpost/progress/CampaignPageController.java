package org.goalpost.progress;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.goalpost.attribution.Attribution;
import org.goalpost.campaign.Ask;
import org.goalpost.campaign.AskExperiment;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationPolicy;
import org.goalpost.donation.Donations;
import org.goalpost.donation.DonorWall;
import org.goalpost.payment.CaptchaChallenge;
import org.goalpost.payment.CheckoutService;
import org.goalpost.shared.mode.AppMode;
import org.goalpost.shared.money.MoneyFormatter;
import org.goalpost.shared.web.ChallengeRequiredException;
import org.goalpost.shared.web.FieldProblem;
import org.goalpost.shared.web.InvalidInputException;
import org.goalpost.shared.web.NotFoundException;
import org.goalpost.shared.web.TooManyRequestsException;
import org.goalpost.shared.web.UpstreamFailureException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.view.RedirectView;

/** The public campaign page: title, description, the tier bar, the figures and the donate form. */
@Controller
class CampaignPageController {

    private final Campaigns campaigns;
    private final ProgressService progress;
    private final DonationPolicy policy;
    private final CheckoutService checkout;
    private final DonorWall wall;
    private final Donations donations;
    private final AppMode mode;
    private final MessageSource messages;
    private final ProgressCache cache;
    private final Clock clock;
    private final ReaderSignals signals;
    private static final Attribution EMPTY = new Attribution(null, null, null, null, null, null);

    CampaignPageController(
            Campaigns campaigns,
            ProgressService progress,
            DonationPolicy policy,
            CheckoutService checkout,
            DonorWall wall,
            Donations donations,
            AppMode mode,
            MessageSource messages,
            ProgressCache cache,
            Clock clock,
            ReaderSignals signals) {
        this.signals = signals;
        this.cache = cache;
        this.clock = clock;
        this.campaigns = campaigns;
        this.progress = progress;
        this.policy = policy;
        this.checkout = checkout;
        this.wall = wall;
        this.donations = donations;
        this.mode = mode;
        this.messages = messages;
    }

    @GetMapping("/")
    String home(Model model, Locale locale) {
        model.addAttribute(
                "cards",
                campaigns.findPublic().stream()
                        .map(campaign ->
                                new CampaignCard(campaign, ProgressBarView.of(progress.current(campaign), locale)))
                        .toList());
        return "home";
    }

    /**
     * The campaign page. A link from the widget carries where the reader came from ({@code page}, {@code placement},
     * {@code variant}; a newsletter's link its {@code utm_source}, {@code utm_medium}, {@code utm_campaign}): the form
     * carries it into the checkout, and a link from the widget (it names a placement) counts as a click.
     */
    @GetMapping("/campaigns/{slug}")
    String page(
            @PathVariable String slug,
            @RequestParam(required = false) String canceled,
            @RequestParam(required = false) String interval,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String placement,
            @RequestParam(required = false) String variant,
            @RequestParam(name = "utm_source", required = false) String utmSource,
            @RequestParam(name = "utm_medium", required = false) String utmMedium,
            @RequestParam(name = "utm_campaign", required = false) String utmCampaign,
            Model model,
            Locale locale,
            HttpServletRequest request) {
        Campaign campaign = publicCampaign(slug);
        if (canceled != null) {
            model.addAttribute("notice", messages.getMessage("campaign.canceled", null, locale));
        }
        // a running experiment: the variant the link names (the widget showed it), else one at random by share
        AskExperiment running = campaign.ask().experiment();
        AskExperiment.Variant shown = running == null
                ? null
                : running.tagged(variant)
                        .orElseGet(() -> running.pick(
                                java.util.concurrent.ThreadLocalRandom.current().nextInt(100)));
        DonateForm form = DonateForm.offering(campaign, interval, shown == null ? null : shown.defaultInterval());
        form.setPage(page);
        form.setPlacement(placement);
        form.setVariant(shown == null ? variant : running.tag(shown));
        form.setUtmSource(utmSource);
        form.setUtmMedium(utmMedium);
        form.setUtmCampaign(utmCampaign);
        Attribution from = form.checkedAttribution();
        form.carry(from == null ? EMPTY : from);
        if (from != null && placement != null && signals.countable(request)) {
            signals.click(campaign, from);
        }
        fill(model, campaign, form, List.of(), locale);
        model.addAttribute(
                "captcha", checkout.captchaFor(request.getRemoteAddr()).orElse(null));
        return "campaign";
    }

    /**
     * Starts the donation with the same service as the JSON API and sends the donor to the
     * gateway's checkout (303). A refused form comes back with its messages and what was typed.
     */
    @PostMapping("/campaigns/{slug}/donate")
    Object donate(
            @PathVariable String slug,
            @ModelAttribute("form") DonateForm form,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        Campaign campaign = publicCampaign(slug);
        Optional<CaptchaChallenge> captcha = checkout.captchaFor(request.getRemoteAddr());
        try {
            CheckoutService.Started started = checkout.start(
                    slug,
                    form.toRequest(campaign.currency(), locale),
                    form.getRequestKey(),
                    request.getRemoteAddr(),
                    captcha.map(c -> request.getParameter(c.responseField())).orElse(null),
                    locale,
                    form.checkedAttribution());
            RedirectView toCheckout = new RedirectView(started.checkoutUrl(), true);
            toCheckout.setStatusCode(HttpStatus.SEE_OTHER);
            toCheckout.setExposeModelAttributes(false);
            return toCheckout;
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            fill(model, campaign, form, readable(e.problems(), form, campaign, locale), locale);
        } catch (TooManyRequestsException e) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
            fill(model, campaign, form, List.of(new FieldProblem("campaign", e.getMessage())), locale);
        } catch (ChallengeRequiredException e) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            fill(model, campaign, form, List.of(new FieldProblem("campaign", e.getMessage())), locale);
        } catch (UpstreamFailureException e) {
            response.setStatus(e.retryable() ? HttpStatus.SERVICE_UNAVAILABLE.value() : HttpStatus.BAD_GATEWAY.value());
            fill(model, campaign, form, List.of(new FieldProblem("campaign", e.getMessage())), locale);
        }
        model.addAttribute(
                "captcha",
                checkout.captchaFor(request.getRemoteAddr()).or(() -> captcha).orElse(null));
        return "campaign";
    }

    /**
     * Where the gateway sends the donor back. It changes nothing (only the gateway's events move money): it thanks,
     * says what the gift was (when the link names a donation of this campaign), shows the bar with the tier reached or
     * the next one, offers a one-time donor to give monthly (one click back to a monthly checkout for the campaign's
     * preselected monthly amount) and a link to share.
     */
    @GetMapping("/campaigns/{slug}/thanks")
    String thanks(
            @PathVariable String slug,
            @RequestParam(required = false) String donation,
            Model model,
            Locale locale,
            HttpServletRequest request) {
        Campaign campaign = publicCampaign(slug);
        fill(model, campaign, DonateForm.offering(campaign, null), List.of(), locale);
        Optional<Donation> gift = donations.findByPublicId(donation).filter(d -> d.campaignId() == campaign.id());
        model.addAttribute(
                "gift",
                gift.map(d -> text(
                                "thanks.gift." + d.interval().word(),
                                locale,
                                MoneyFormatter.format(d.amount(), locale, campaign.amountStyle())))
                        .orElse(null));
        boolean once = gift.map(d -> !d.interval().isRecurring()).orElse(false);
        model.addAttribute(
                "upsell",
                once && !campaign.hasEndedAt(clock.instant())
                        ? policy.ask(campaign).amounts("month").stream()
                                .filter(Ask.AskAmount::preselected)
                                .findFirst()
                                .map(a -> new Upsell(
                                        String.valueOf(a.amountMinor()),
                                        text(
                                                "donate.give.month",
                                                locale,
                                                MoneyFormatter.format(
                                                        campaign.money(a.amountMinor()),
                                                        locale,
                                                        campaign.amountStyle())),
                                        UUID.randomUUID().toString()))
                                .orElse(null)
                        : null);
        model.addAttribute(
                "shareUrl",
                ServletUriComponentsBuilder.fromContextPath(request)
                        .path("/campaigns/{slug}")
                        .buildAndExpand(campaign.slug())
                        .toUriString());
        return "thanks";
    }

    /** The monthly gift a one-time donor is offered: the amount posted, the button's words, a fresh request key. */
    record Upsell(String amount, String words, String requestKey) {}

    /** A public campaign, known from the read path's memory: an unknown slug is a 404 without a query. */
    private Campaign publicCampaign(String slug) {
        return cache.find(slug)
                .map(ProgressCache.Snapshot::campaign)
                .orElseThrow(() -> new NotFoundException("No campaign '" + slug + "'"));
    }

    private void fill(Model model, Campaign campaign, DonateForm form, List<FieldProblem> problems, Locale locale) {
        model.addAttribute("campaign", campaign);
        Instant now = clock.instant();
        model.addAttribute("ended", campaign.hasEndedAt(now));
        model.addAttribute("countdown", countdown(campaign, now, locale));
        model.addAttribute("bar", ProgressBarView.of(progress.current(campaign), locale));
        AskExperiment running = campaign.ask().experiment();
        AskExperiment.Variant shown =
                running == null ? null : running.tagged(form.getVariant()).orElse(null);
        model.addAttribute("ask", AskView.of(policy.ask(campaign, shown), campaign, form, locale));
        model.addAttribute("minimum", MoneyFormatter.format(policy.minimum(campaign), locale, campaign.amountStyle()));
        model.addAttribute("maximum", MoneyFormatter.format(policy.maximum(campaign), locale, campaign.amountStyle()));
        if (form.getRequestKey() == null || form.getRequestKey().isBlank()) {
            form.setRequestKey(UUID.randomUUID().toString());
        }
        model.addAttribute("form", form);
        DonorWall.Wall recent = wall.recent(campaign, mode.isLive());
        model.addAttribute(
                "wall",
                recent.entries().stream()
                        .map(e -> new WallLine(
                                e.name(),
                                e.message(),
                                e.amount() == null
                                        ? null
                                        : MoneyFormatter.format(e.amount(), locale, campaign.amountStyle())))
                        .toList());
        model.addAttribute("wallOthers", recent.othersThisWeek());
        model.addAttribute(
                "errors",
                problems.stream()
                        .collect(Collectors.toMap(FieldProblem::field, FieldProblem::message, (a, b) -> a + "; " + b)));
    }

    /**
     * How long a campaign with an end date still runs, in the reader's language ("Ends in 3 days", "Ends in 5
     * hours", "Ends in less than an hour"); null without an end date or once it has ended.
     */
    private String countdown(Campaign campaign, Instant now, Locale locale) {
        if (campaign.endsAt() == null || campaign.hasEndedAt(now)) {
            return null;
        }
        Duration left = Duration.between(now, campaign.endsAt());
        return left.toDays() >= 1
                ? messages.getMessage("campaign.ends.days", new Object[] {left.toDays()}, locale)
                : messages.getMessage("campaign.ends.hours", new Object[] {left.toHours()}, locale);
    }

    /** A donor wall entry as shown: a name, its message if any, null amount means not shown. */
    record WallLine(String name, String message, String amount) {}

    /** A campaign and its bar, for the list of campaigns. */
    record CampaignCard(Campaign campaign, ProgressBarView bar) {}

    /**
     * The policy's refusals in the reader's language: each field breaks one rule (the amount one of
     * three: unreadable, missing, out of range), so the field says which text to show.
     */
    private List<FieldProblem> readable(
            List<FieldProblem> problems, DonateForm form, Campaign campaign, Locale locale) {
        boolean unreadable = form.amountUnreadable(campaign.currency(), locale);
        boolean missing = form.toRequest(campaign.currency(), locale).amountMinor() == null;
        return problems.stream()
                .map(p -> new FieldProblem(
                        p.field(),
                        switch (p.field()) {
                            case "campaign" -> text("donate.error.closed", locale);
                            case "amountMinor" ->
                                unreadable
                                        ? text("donate.amount.unreadable", locale)
                                        : missing
                                                ? text("donate.error.amount-missing", locale)
                                                : text(
                                                        "donate.error.amount-range",
                                                        locale,
                                                        MoneyFormatter.format(
                                                                policy.minimum(campaign),
                                                                locale,
                                                                campaign.amountStyle()),
                                                        MoneyFormatter.format(
                                                                policy.maximum(campaign),
                                                                locale,
                                                                campaign.amountStyle()));
                            case "name" -> text("donate.error.name-long", locale, DonationPolicy.MAX_NAME);
                            case "email" -> text("donate.error.email", locale);
                            case "message" -> text("donate.error.message-long", locale, DonationPolicy.MAX_MESSAGE);
                            case "interval" -> text("donate.error.interval", locale);
                            default -> p.message();
                        }))
                .toList();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
