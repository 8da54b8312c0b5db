package org.goalpost.staff;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import org.goalpost.audit.AuditLog;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.donation.Donation;
import org.goalpost.donation.DonationQueries;
import org.goalpost.donation.Donations;
import org.goalpost.donation.DonorWall;
import org.goalpost.donation.Ledger;
import org.goalpost.donation.OfflineGifts;
import org.goalpost.payment.GatewayPayments;
import org.goalpost.payment.Inbox;
import org.goalpost.payment.Refunds;
import org.goalpost.shared.mode.AppMode;
import org.goalpost.shared.money.Money;
import org.goalpost.shared.web.InvalidInputException;
import org.goalpost.shared.web.NotFoundException;
import org.goalpost.shared.web.UpstreamFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Donations: the searchable list, one donation's detail and timeline, refunds and gift reversals (ADMIN). */
@Controller
class StaffDonationController {

    private final DonationQueries queries;
    private final Donations donations;
    private final Campaigns campaigns;
    private final Ledger ledger;
    private final GatewayPayments payments;
    private final Inbox inbox;
    private final Refunds refunds;
    private final OfflineGifts gifts;
    private final AuditLog audit;
    private final AppMode appMode;
    private final DonorWall wall;

    StaffDonationController(
            DonationQueries queries,
            Donations donations,
            Campaigns campaigns,
            Ledger ledger,
            GatewayPayments payments,
            Inbox inbox,
            Refunds refunds,
            OfflineGifts gifts,
            AuditLog audit,
            AppMode appMode,
            DonorWall wall) {
        this.queries = queries;
        this.donations = donations;
        this.campaigns = campaigns;
        this.ledger = ledger;
        this.payments = payments;
        this.inbox = inbox;
        this.refunds = refunds;
        this.gifts = gifts;
        this.audit = audit;
        this.appMode = appMode;
        this.wall = wall;
    }

    @GetMapping("/staff/donations")
    String list(
            @ModelAttribute("filter") DonationFilter filter,
            @RequestParam(required = false) String cursor,
            HttpSession session,
            Model model) {
        boolean live = StaffPageAdvice.livemode(session, appMode);
        model.addAttribute("page", queries.page(filter.criteria(campaigns, live), cursor, 50));
        model.addAttribute("campaigns", campaigns.findAll());
        return "staff/donations";
    }

    @GetMapping("/staff/donations/{id}")
    String detail(@PathVariable String id, Model model) {
        return detailPage(model, donation(id), null, null);
    }

    @PostMapping("/staff/donations/{id}/refund")
    String refund(
            @PathVariable String id,
            @RequestParam(required = false) String amount,
            @RequestParam(required = false) String requestKey,
            Model model,
            HttpServletResponse response) {
        Donation donation = donation(id);
        try {
            Long minor = amount == null || amount.isBlank()
                    ? null
                    : Money.ofMajor(amount.strip(), donation.amount().currency())
                            .minor();
            Refunds.Requested requested = refunds.request(donation.id(), minor, requestKey);
            return detailPage(
                    model,
                    donation,
                    "Refund " + requested.refundId() + " requested (" + requested.status()
                            + "): the totals change when the payment provider confirms it.",
                    null);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return detailPage(model, donation, null, e.problems().get(0).message());
        } catch (UpstreamFailureException e) {
            response.setStatus(e.retryable() ? HttpStatus.SERVICE_UNAVAILABLE.value() : HttpStatus.BAD_GATEWAY.value());
            return detailPage(model, donation, null, e.getMessage());
        } catch (IllegalArgumentException | ArithmeticException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return detailPage(model, donation, null, "Write the amount as a number, such as 10 or 10.50");
        }
    }

    @PostMapping("/staff/donations/{id}/reverse")
    String reverse(
            @PathVariable String id,
            @RequestParam(required = false) String reason,
            Model model,
            HttpServletResponse response) {
        Donation donation = donation(id);
        Campaign campaign = campaigns.find(donation.campaignId()).orElseThrow();
        try {
            gifts.reverse(campaign, donation, AuditLog.currentActor(), reason);
            audit.record("offline_gift.reversed", donation.publicId(), reason);
            return detailPage(model, donation, "The gift was reversed by an adjustment.", null);
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return detailPage(model, donation, null, e.problems().get(0).message());
        }
    }

    /** Hides the donation from the campaign page's donor wall, or shows it again. */
    @PostMapping("/staff/donations/{id}/wall")
    String wall(
            @PathVariable String id,
            @RequestParam(required = false) String visibility,
            Model model,
            HttpServletResponse response) {
        Donation donation = donation(id);
        if (!"hidden".equals(visibility) && !"shown".equals(visibility)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return detailPage(model, donation, null, "Choose whether the entry is hidden or shown.");
        }
        boolean hide = "hidden".equals(visibility);
        if (wall.hide(donation, hide)) {
            audit.record(hide ? "donor_wall.hidden" : "donor_wall.shown", donation.publicId(), null);
        }
        return detailPage(
                model, donation, hide ? "Hidden from the donor wall." : "Shown on the donor wall again.", null);
    }

    private String detailPage(Model model, Donation donation, String notice, String error) {
        Campaign campaign = campaigns.find(donation.campaignId()).orElseThrow();
        model.addAttribute("donation", donations.find(donation.id()).orElseThrow());
        model.addAttribute("campaign", campaign);
        model.addAttribute("entries", ledger.entriesOf(donation.id()));
        model.addAttribute("payment", payments.latestOf(donation.id()).orElse(null));
        model.addAttribute("timeline", inbox.ofDonation(donation.id()));
        model.addAttribute("wallHidden", wall.hidden(donation));
        model.addAttribute("notice", notice);
        model.addAttribute("error", error);
        model.addAttribute("requestKey", UUID.randomUUID().toString());
        return "staff/donation";
    }

    private Donation donation(String id) {
        return donations.findByPublicId(id).orElseThrow(() -> new NotFoundException("No donation " + id));
    }
}
