package org.goalpost.portal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.goalpost.donation.Donation;
import org.goalpost.donation.Donations;
import org.goalpost.payment.PaymentGateway;
import org.goalpost.payment.PaymentProperties;
import org.goalpost.shared.web.UpstreamFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The card link of a failed-instalment notice: opening it shows one button (a mail scanner that fetches the link
 * uses nothing), pressing it uses the link and goes to the gateway's card form for that donation's subscription,
 * which comes back to a thank-you page. No sign-in: the link is the donor's key to this one page, once.
 */
@Controller
class CardLinkController {

    private final CardUpdateLinks links;
    private final Donations donations;
    private final PaymentGateway gateway;
    private final String publicUrl;

    CardLinkController(CardUpdateLinks links, Donations donations, PaymentGateway gateway, PaymentProperties payments) {
        this.links = links;
        this.donations = donations;
        this.gateway = gateway;
        this.publicUrl = payments.publicUrl();
    }

    @GetMapping("/donors/card/{token}")
    String open(@PathVariable String token, Model model, HttpServletResponse response) {
        if (!links.usable(token)) {
            return expired(model, response);
        }
        model.addAttribute("token", token);
        return "portal-card";
    }

    @PostMapping("/donors/card/{token}")
    String use(@PathVariable String token, Model model, Locale locale, HttpServletResponse response) {
        Optional<Donation> donation = links.use(token)
                .flatMap(donations::find)
                .filter(d -> d.isRecurring() && d.subscriptionId() != null && !d.hasEnded());
        if (donation.isEmpty()) {
            return expired(model, response);
        }
        try {
            return "redirect:"
                    + gateway.cardUpdateUrl(
                            donation.get().subscriptionId(),
                            publicUrl + "/donors/card-updated?lang=" + locale.getLanguage());
        } catch (UpstreamFailureException e) {
            links.giveBack(token);
            response.setStatus(e.retryable() ? HttpStatus.SERVICE_UNAVAILABLE.value() : HttpStatus.BAD_GATEWAY.value());
            model.addAttribute("token", token);
            model.addAttribute("error", e.getMessage());
            return "portal-card";
        }
    }

    @GetMapping("/donors/card-updated")
    String updated() {
        return "portal-card-updated";
    }

    private static String expired(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("card", true);
        return "portal-expired";
    }
}
