package org.goalpost.payment.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goalpost.shared.web.MalformedInputException;

/**
 * Checks {@code Stripe-Signature} on the raw body: an HMAC with one of our webhook secrets (the
 * header may carry several {@code v1} signatures while Stripe rotates a secret, and we may hold
 * the old and the new secret), made at most 300 s ago.
 */
class StripeWebhookVerifier {

    private static final Pattern LEADING_ID =
            Pattern.compile("\\s*\\{\\s*\"id\"\\s*:\\s*\"(evt_[A-Za-z0-9_]{1,100})\"");

    private final List<String> secrets;
    private final long toleranceSeconds;
    private final Clock clock;

    StripeWebhookVerifier(StripeProperties properties, Clock clock) {
        this.secrets = properties.webhookSecrets();
        this.toleranceSeconds = properties.signatureTolerance().toSeconds();
        this.clock = clock;
    }

    /** The payload, once its signature is one of ours; otherwise a 400 naming what is wrong. */
    String verify(String payload, String signature) {
        if (signature == null || signature.isBlank()) {
            throw new MalformedInputException("Stripe-Signature", "is missing");
        }
        if (secrets.isEmpty()) {
            throw new IllegalStateException("STRIPE_WEBHOOK_SECRET is not set: webhooks cannot be verified");
        }
        for (String secret : secrets) {
            try {
                Webhook.Signature.verifyHeader(payload, signature, secret, toleranceSeconds, clock);
                return payload;
            } catch (SignatureVerificationException e) {
                // try the next secret
            } catch (RuntimeException e) {
                // stripe-java reads the header's parts by position: a malformed header can throw anything
                throw new MalformedInputException("Stripe-Signature", "is malformed");
            }
        }
        throw new MalformedInputException(
                "Stripe-Signature", "does not match the body, or is older than " + toleranceSeconds + " s");
    }

    /** The event of a verified payload. */
    Event parse(String verifiedPayload) {
        try {
            Event event = Webhook.constructEventWithoutVerification(verifiedPayload);
            if (event == null || isBlank(event.getId()) || isBlank(event.getType()) || event.getCreated() == null) {
                throw new MalformedInputException("body", "is not a Stripe event");
            }
            return event;
        } catch (MalformedInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedInputException("body", "is not a Stripe event");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * The event's id when the payload starts with it, as Stripe writes events, without parsing
     * the rest; empty otherwise (the full parse then finds it).
     */
    static Optional<String> leadingEventId(String verifiedPayload) {
        Matcher matcher = LEADING_ID.matcher(verifiedPayload);
        return matcher.lookingAt() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
