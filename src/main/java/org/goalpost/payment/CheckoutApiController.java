package org.goalpost.payment;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigInteger;
import java.util.Locale;
import org.goalpost.attribution.Attribution;
import org.goalpost.attribution.AttributionDraft;
import org.goalpost.attribution.AttributionRules;
import org.goalpost.donation.DonationRequest;
import org.goalpost.shared.web.MalformedInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/campaigns/{slug}/checkout}: starts a donation and answers where to send the
 * donor. No session or CSRF token: the widget calls it from the campaign's sites.
 */
@RestController
class CheckoutApiController {

    private final CheckoutService checkout;

    CheckoutApiController(CheckoutService checkout) {
        this.checkout = checkout;
    }

    /** The request body. {@code amountMinor} is read strictly: a whole number, not a string or a fraction. */
    record CheckoutBody(
            JsonNode amountMinor,
            String interval,
            String name,
            String email,
            Boolean anonymous,
            String message,
            Boolean coverFees,
            String captchaToken,
            Boolean showAmount,
            AttributionDraft attribution) {

        /** Where the checkout came from, normalised; null without one. Bad values are a 422 before anything else. */
        Attribution checkedAttribution() {
            return attribution == null || attribution.isEmpty()
                    ? null
                    : AttributionRules.check(attribution, "attribution.");
        }

        DonationRequest toRequest() {
            return new DonationRequest(amount(), interval, name, email, anonymous, message, coverFees, showAmount);
        }

        private Long amount() {
            if (amountMinor == null || amountMinor.isNull() || amountMinor.isMissingNode()) {
                return null;
            }
            if (!amountMinor.isIntegralNumber()) {
                throw new MalformedInputException(
                        "amountMinor", "must be a whole number of minor units (cents), such as 2500");
            }
            BigInteger value = amountMinor.bigIntegerValue();
            if (value.bitLength() > 62) {
                throw new MalformedInputException("amountMinor", "is far too large");
            }
            return value.longValue();
        }
    }

    record CheckoutJson(String donationId, String checkoutUrl) {}

    @PostMapping(
            path = "/api/campaigns/{slug}/checkout",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CheckoutJson> start(
            @PathVariable String slug,
            @RequestBody CheckoutBody body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            HttpServletRequest request,
            Locale locale) {
        if (idempotencyKey != null
                && (idempotencyKey.isBlank()
                        || idempotencyKey.length() > 64
                        || !idempotencyKey.chars().allMatch(c -> c > 32 && c < 127))) {
            throw new MalformedInputException("Idempotency-Key", "use 1 to 64 printable ASCII characters");
        }
        Attribution attribution = body.checkedAttribution();
        CheckoutService.Started started = checkout.start(
                slug,
                body.toRequest(),
                idempotencyKey,
                request.getRemoteAddr(),
                body.captchaToken(),
                locale,
                attribution);
        String url = started.checkoutUrl().startsWith("/")
                ? ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path(started.checkoutUrl())
                        .toUriString()
                : started.checkoutUrl();
        return ResponseEntity.status(HttpStatus.CREATED).body(new CheckoutJson(started.donationId(), url));
    }
}
