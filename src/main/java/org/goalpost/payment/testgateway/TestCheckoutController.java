package org.goalpost.payment.testgateway;

import java.util.Locale;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationStatus;
import org.goalpost.donation.Donations;
import org.goalpost.payment.EventProcessor;
import org.goalpost.shared.money.MoneyFormatter;
import org.goalpost.shared.web.NotFoundException;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The test gateway's checkout page: TEST MODE, the donation, and two buttons. */
@Controller
@Conditional(TestGatewayConfiguration.NoStripeKey.class)
class TestCheckoutController {

    private final TestGateway gateway;
    private final Donations donations;
    private final Campaigns campaigns;
    private final EventProcessor processor;

    TestCheckoutController(TestGateway gateway, Donations donations, Campaigns campaigns, EventProcessor processor) {
        this.gateway = gateway;
        this.donations = donations;
        this.campaigns = campaigns;
        this.processor = processor;
    }

    @GetMapping("/test-checkout/{sessionId}")
    String page(@PathVariable String sessionId, Model model, Locale locale) {
        Donation donation = donation(sessionId);
        Campaign campaign = campaigns.find(donation.campaignId()).orElseThrow();
        model.addAttribute("donation", donation);
        model.addAttribute("campaign", campaign);
        model.addAttribute("amount", MoneyFormatter.format(donation.amount(), locale, campaign.amountStyle()));
        model.addAttribute("open", donation.status() == DonationStatus.PENDING);
        return "test-checkout";
    }

    @PostMapping("/test-checkout/{sessionId}/complete")
    String complete(@PathVariable String sessionId) {
        Donation donation = donation(sessionId);
        Campaign campaign = campaigns.find(donation.campaignId()).orElseThrow();
        if (donation.status() != DonationStatus.PENDING && donation.status() != DonationStatus.SUCCEEDED) {
            return "redirect:/campaigns/" + campaign.slug() + "?canceled=" + donation.publicId();
        }
        processor.process(gateway.completion(donation), "TEST_GATEWAY");
        return "redirect:/campaigns/" + campaign.slug() + "/thanks?donation=" + donation.publicId();
    }

    @PostMapping("/test-checkout/{sessionId}/cancel")
    String cancel(@PathVariable String sessionId) {
        Donation donation = donation(sessionId);
        processor.process(gateway.cancelation(donation), "TEST_GATEWAY");
        Campaign campaign = campaigns.find(donation.campaignId()).orElseThrow();
        return "redirect:/campaigns/" + campaign.slug() + "?canceled=" + donation.publicId();
    }

    private Donation donation(String sessionId) {
        return donations
                .findByCheckoutSession(sessionId)
                .orElseThrow(() -> new NotFoundException("No test checkout " + sessionId));
    }
}
