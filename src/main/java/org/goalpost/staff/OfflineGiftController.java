package org.goalpost.staff;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.goalpost.audit.AuditLog;
import org.goalpost.campaign.Campaign;
import org.goalpost.campaign.Campaigns;
import org.goalpost.donation.Donation;
import org.goalpost.donation.OfflineGifts;
import org.goalpost.shared.money.Money;
import org.goalpost.shared.web.FieldProblem;
import org.goalpost.shared.web.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Recording a gift received outside the gateway (ADMIN): cash, cheque or bank transfer. */
@Controller
class OfflineGiftController {

    /** The form as typed: the amount in major units, the date as YYYY-MM-DD. */
    record GiftForm(
            String campaign,
            String amount,
            String method,
            String donorName,
            String donorEmail,
            String receivedOn,
            String note,
            String requestKey) {}

    private final Campaigns campaigns;
    private final OfflineGifts gifts;
    private final AuditLog audit;

    OfflineGiftController(Campaigns campaigns, OfflineGifts gifts, AuditLog audit) {
        this.campaigns = campaigns;
        this.gifts = gifts;
        this.audit = audit;
    }

    @GetMapping("/staff/offline-gifts/new")
    String form(Model model) {
        return page(
                model,
                new GiftForm(
                        null,
                        null,
                        "cheque",
                        null,
                        null,
                        null,
                        null,
                        UUID.randomUUID().toString()),
                Map.of());
    }

    @PostMapping("/staff/offline-gifts")
    String record(@ModelAttribute("form") GiftForm form, Model model, HttpServletResponse response) {
        try {
            Campaign campaign = campaigns
                    .find(form.campaign() == null ? "" : form.campaign())
                    .orElseThrow(() -> new InvalidInputException("campaign", "choose a campaign"));
            Long minor;
            try {
                minor = form.amount() == null || form.amount().isBlank()
                        ? null
                        : Money.ofMajor(form.amount().strip().replace(",", ""), campaign.currency())
                                .minor();
            } catch (RuntimeException e) {
                throw new InvalidInputException("amountMinor", "write the amount as a number, such as 250 or 250.50");
            }
            LocalDate received;
            try {
                received = form.receivedOn() == null || form.receivedOn().isBlank()
                        ? null
                        : LocalDate.parse(form.receivedOn().strip());
            } catch (RuntimeException e) {
                throw new InvalidInputException("receivedOn", "write the date as YYYY-MM-DD");
            }
            OfflineGifts.Recorded recorded = gifts.recordOnce(
                    campaign,
                    new OfflineGifts.Entry(
                            minor, form.method(), form.donorName(), form.donorEmail(), received, form.note()),
                    AuditLog.currentActor(),
                    form.requestKey());
            Donation gift = recorded.gift();
            if (!recorded.repeated()) {
                audit.record(
                        "offline_gift.recorded",
                        gift.publicId(),
                        campaign.slug() + " " + gift.amount() + " " + form.method());
            }
            return "redirect:/staff/donations/" + gift.publicId() + "?recorded";
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(
                    model,
                    form,
                    e.problems().stream()
                            .collect(Collectors.toMap(
                                    FieldProblem::field, FieldProblem::message, (a, b) -> a + "; " + b)));
        }
    }

    private String page(Model model, GiftForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("campaigns", campaigns.findAll());
        return "staff/offline-gift";
    }
}
