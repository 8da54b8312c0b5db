package org.goalpost.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.donation.CancellationReason;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationInterval;
import org.goalpost.donation.DonationPolicy;
import org.goalpost.donation.Donations;
import org.goalpost.payment.PaymentGateway;
import org.goalpost.payment.PaymentProperties;
import org.goalpost.shared.money.Money;
import org.goalpost.shared.money.MoneyFormatter;
import org.goalpost.shared.money.TypedAmount;
import org.goalpost.shared.text.EmailAddresses;
import org.goalpost.shared.web.NotFoundException;
import org.goalpost.shared.web.UpstreamFailureException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The donor portal's pages. Asking for a link answers the same whatever the address; opening a
 * link shows a button (mail scanners that fetch links must not use them up), pressing it uses the
 * link and signs the donor in for 30 minutes (Spring Security's one-time-token login, see {@code DonorLinks});
 * every change is asked of the gateway, which reports it back through the webhook: the page shows what our records
 * say.
 */
@Controller
class PortalController {

    private final DonorLinks links;
    private final LinkMailer mailer;
    private final Donations donations;
    private final Campaigns campaigns;
    private final DonationPolicy policy;
    private final PaymentGateway gateway;
    private final MessageSource messages;
    private final Clock clock;
    private final String publicUrl;

    PortalController(
            DonorLinks links,
            LinkMailer mailer,
            Donations donations,
            Campaigns campaigns,
            DonationPolicy policy,
            PaymentGateway gateway,
            MessageSource messages,
            Clock clock,
            PaymentProperties payments) {
        this.links = links;
        this.mailer = mailer;
        this.donations = donations;
        this.campaigns = campaigns;
        this.policy = policy;
        this.gateway = gateway;
        this.messages = messages;
        this.clock = clock;
        this.publicUrl = payments.publicUrl();
    }

    @GetMapping("/donors/manage")
    String requestForm(Model model) {
        model.addAttribute("available", mailer.available());
        return "portal-request";
    }

    @PostMapping("/donors/manage")
    String requestLink(
            @RequestParam(required = false) String email,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        model.addAttribute("available", mailer.available());
        String address = EmailAddresses.normalise(email);
        if (!EmailAddresses.isValid(address)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("error", text("portal.request.invalid", locale));
            model.addAttribute("email", email);
            return "portal-request";
        }
        if (mailer.available() && links.mayRequest(address, request.getRemoteAddr())) {
            mailer.requested(address, locale);
        }
        model.addAttribute("sent", text("portal.request.sent", locale, address, DonorLinks.VALID_FOR.toMinutes()));
        return "portal-request";
    }

    @GetMapping("/donors/manage/{token}")
    String openLink(@PathVariable String token, Model model, HttpServletResponse response) {
        if (!links.usable(token)) {
            response.setStatus(HttpStatus.GONE.value());
            return "portal-expired";
        }
        model.addAttribute("token", token);
        return "portal-open";
    }

    /** A link that opens nothing (unknown, used or expired): Spring Security's one-time-token sign-in sends here. */
    @GetMapping("/donors/link-expired")
    String linkExpired(HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        return "portal-expired";
    }

    @GetMapping("/donors/portal")
    String portal(Model model, Locale locale, HttpServletRequest request) {
        Optional<String> email = signedIn(request);
        if (email.isEmpty()) {
            return "redirect:/donors/manage";
        }
        return page(model, email.get(), locale, null, null);
    }

    /**
     * Cancelling takes two presses: the first asks "are you sure?" and, optionally, why; the second ({@code
     * confirm=yes}) keeps the reason for staff and asks Stripe (the reason goes along as Stripe's feedback).
     */
    @PostMapping("/donors/portal/{donation}/cancel")
    String cancel(
            @PathVariable String donation,
            @RequestParam(required = false) String confirm,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String comment,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!"yes".equals(confirm)) {
            Optional<String> email = signedIn(request);
            if (email.isEmpty()) {
                return "redirect:/donors/manage";
            }
            model.addAttribute("confirmCancel", owned(donation, email.get()).publicId());
            model.addAttribute("reasons", CancellationReason.values());
            return page(model, email.get(), locale, null, null);
        }
        return change(donation, model, locale, request, response, mine -> {
            CancellationReason why = CancellationReason.fromForm(reason).orElse(null);
            try {
                donations.recordCancellationReason(mine, why, comment);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        text("portal.cancel.comment.invalid", locale, Donations.MAX_CANCEL_COMMENT));
            }
            gateway.cancelSubscription(mine.subscriptionId(), why, "goalpost-cancel-" + mine.publicId());
            return text("portal.cancel.sent", locale);
        });
    }

    /**
     * A pause of 1, 2 or 3 months: no payment until then (Stripe's {@code pause_collection}, the payments
     * it would take meanwhile are skipped), after which the donation collects again by itself.
     */
    @PostMapping("/donors/portal/{donation}/pause")
    String pause(
            @PathVariable String donation,
            @RequestParam(required = false) String months,
            @RequestParam(required = false) String requestKey,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        return change(donation, model, locale, request, response, mine -> {
            int count = months != null && months.strip().matches("[1-3]") ? Integer.parseInt(months.strip()) : 0;
            if (count == 0) {
                throw new IllegalArgumentException(text("portal.pause.invalid", locale));
            }
            Campaign campaign = campaigns.load(mine.campaignId()).orElseThrow();
            ZonedDateTime until = clock.instant().atZone(campaign.timeZone()).plusMonths(count);
            gateway.pauseSubscription(
                    mine.subscriptionId(),
                    until.toInstant(),
                    "goalpost-pause-" + mine.publicId() + "-" + requestKey(requestKey));
            return text(
                    "portal.pause.sent",
                    locale,
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                            .withLocale(locale)
                            .format(until));
        });
    }

    /** Ends a pause now. */
    @PostMapping("/donors/portal/{donation}/resume")
    String resume(
            @PathVariable String donation,
            @RequestParam(required = false) String requestKey,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        return change(donation, model, locale, request, response, mine -> {
            gateway.resumeSubscription(
                    mine.subscriptionId(), "goalpost-resume-" + mine.publicId() + "-" + requestKey(requestKey));
            return text("portal.resume.sent", locale);
        });
    }

    /** The form's own request key (one per page shown), or a fresh one: a double press asks once. */
    private static String requestKey(String requestKey) {
        return requestKey != null && requestKey.matches("[A-Za-z0-9-]{8,64}")
                ? requestKey
                : UUID.randomUUID().toString();
    }

    /**
     * After the portal's sign-out (Spring Security ends the portal's sign-in, and only it: nothing else that shares the
     * browser's session is touched); the next visit needs a new link.
     */
    @GetMapping("/donors/signed-out")
    String signedOut(Model model, Locale locale) {
        model.addAttribute("available", mailer.available());
        model.addAttribute("sent", text("portal.signed-out", locale));
        return "portal-request";
    }

    /**
     * A new amount, and monthly or yearly ({@code interval}; as it is when absent), from the next payment on.
     * The idempotency key is the form's own request key (one
     * per page shown): a double press asks once, while 20 → 15 → 20 within a day are three changes,
     * not a replay of the first answer.
     */
    @PostMapping("/donors/portal/{donation}/amount")
    String amount(
            @PathVariable String donation,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String interval,
            @RequestParam(required = false) String requestKey,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        return change(donation, model, locale, request, response, mine -> {
            Campaign campaign = campaigns.load(mine.campaignId()).orElseThrow();
            // monthly or yearly from the next payment on; absent: as it is
            DonationInterval every = interval == null || interval.isBlank()
                    ? mine.interval()
                    : DonationInterval.fromWord(interval)
                            .filter(DonationInterval::isRecurring)
                            .orElseThrow(() -> new IllegalArgumentException(text("portal.interval.invalid", locale)));
            Long minor = TypedAmount.minor(amount, mine.amount().currency(), locale);
            Money min = policy.minimum(campaign);
            Money max = policy.maximum(campaign);
            if (minor == null || minor < min.minor() || minor > max.minor()) {
                throw new IllegalArgumentException(text(
                        "portal.amount.invalid",
                        locale,
                        MoneyFormatter.format(min, locale, campaign.amountStyle()),
                        MoneyFormatter.format(max, locale, campaign.amountStyle())));
            }
            String key = requestKey(requestKey);
            gateway.changeSubscriptionAmount(
                    mine.subscriptionId(), every, minor, "goalpost-amount-" + mine.publicId() + "-" + key);
            return text(
                    "portal.amount.sent." + every.word(),
                    locale,
                    MoneyFormatter.format(Money.of(minor, mine.amount().currency()), locale, campaign.amountStyle()));
        });
    }

    @PostMapping("/donors/portal/{donation}/card")
    String card(
            @PathVariable String donation,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        Optional<String> email = signedIn(request);
        if (email.isEmpty()) {
            return "redirect:/donors/manage";
        }
        Donation mine = owned(donation, email.get());
        try {
            return "redirect:" + gateway.cardUpdateUrl(mine.subscriptionId(), publicUrl + "/donors/portal");
        } catch (UpstreamFailureException e) {
            response.setStatus(e.retryable() ? HttpStatus.SERVICE_UNAVAILABLE.value() : HttpStatus.BAD_GATEWAY.value());
            return page(model, email.get(), locale, null, e.getMessage());
        }
    }

    /** One change to one of the signed-in donor's recurring donations, asked of the gateway. */
    private interface Change {
        String ask(Donation mine);
    }

    private String change(
            String donation,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response,
            Change change) {
        Optional<String> email = signedIn(request);
        if (email.isEmpty()) {
            return "redirect:/donors/manage";
        }
        Donation mine = owned(donation, email.get());
        try {
            return page(model, email.get(), locale, change.ask(mine), null);
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(model, email.get(), locale, null, e.getMessage());
        } catch (UpstreamFailureException e) {
            response.setStatus(e.retryable() ? HttpStatus.SERVICE_UNAVAILABLE.value() : HttpStatus.BAD_GATEWAY.value());
            return page(model, email.get(), locale, null, e.getMessage());
        }
    }

    private String page(Model model, String email, Locale locale, String notice, String error) {
        List<PortalLine> lines = donations.recurringOf(email).stream()
                .map(d -> {
                    Campaign campaign = campaigns.load(d.campaignId()).orElseThrow();
                    return new PortalLine(
                            d.publicId(),
                            campaign.title(),
                            campaign.slug(),
                            MoneyFormatter.format(d.amount(), locale, campaign.amountStyle()),
                            d.interval().word(),
                            d.collectionPaused() && !d.hasEnded()
                                    ? "paused"
                                    : d.subscriptionStatus() == null ? "active" : d.subscriptionStatus(),
                            !d.hasEnded());
                })
                .toList();
        model.addAttribute("email", email);
        model.addAttribute("lines", lines);
        model.addAttribute("requestKey", UUID.randomUUID().toString());
        model.addAttribute("notice", notice);
        model.addAttribute("error", error);
        return "portal";
    }

    /** A monthly or yearly donation as the portal shows it; {@code interval} is {@code month} or {@code year}. */
    record PortalLine(
            String id,
            String campaign,
            String slug,
            String amount,
            String interval,
            String status,
            boolean changeable) {}

    /**
     * The signed-in donor's address (as stored); the portal's security chain lets only a donor signed in by a link,
     * within its 30 minutes, reach these pages.
     */
    private static Optional<String> signedIn(HttpServletRequest request) {
        return Optional.ofNullable(request.getUserPrincipal()).map(java.security.Principal::getName);
    }

    /** The donation, when it is one of this donor's recurring donations; otherwise a 404 (whether it exists or not). */
    private Donation owned(String publicId, String email) {
        return donations.recurringOf(email).stream()
                .filter(d -> d.publicId().equals(publicId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No such recurring donation"));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
