package org.goalpost.payment.stripe;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.goalpost.payment.EventProcessor;
import org.goalpost.shared.web.MalformedInputException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /stripe/webhook}: Stripe's events, verified on the raw body, then applied exactly
 * once. A bad or stale signature is a 400 and writes nothing; a duplicate is a 200 with no effect;
 * a failure is a 5xx with nothing written, so that Stripe delivers the event again.
 */
@RestController
@ConditionalOnStripe
class StripeWebhookController {

    private final StripeWebhookVerifier verifier;
    private final StripeEventTranslator translator;
    private final EventProcessor processor;

    StripeWebhookController(
            StripeWebhookVerifier verifier, StripeEventTranslator translator, EventProcessor processor) {
        this.verifier = verifier;
        this.translator = translator;
        this.processor = processor;
    }

    @PostMapping(path = "/stripe/webhook", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> receive(
            @RequestBody(required = false) byte[] body,
            @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
        if (body == null || body.length == 0) {
            throw new MalformedInputException("body", "is empty");
        }
        String payload = verifier.verify(new String(body, StandardCharsets.UTF_8), signature);
        // Stripe delivers at least once: a redelivery this instance has settled is answered before any parsing
        EventProcessor.Result result = StripeWebhookVerifier.leadingEventId(payload)
                        .filter(id -> processor.settledLately(id, "WEBHOOK"))
                        .isPresent()
                ? EventProcessor.Result.DUPLICATE
                : processor.process(translator.incoming(verifier.parse(payload)), "WEBHOOK");
        return Map.of("received", true, "result", result.name().toLowerCase());
    }
}
