package org.goalpost.payment.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import java.time.Clock;
import java.util.List;
import org.goalpost.shared.web.MalformedInputException;

/**
 * Checks {@code Stripe-Signature} on the raw body: an HMAC with one of our webhook secrets (the
 * header may carry several {@code v1} signatures while Stripe rotates a secret, and we may hold
 * the old and the new secret), made at most 300 s ago.
 */
class StripeWebhookVerifier {

    private final List<String> secrets;
    private final long toleranceSeconds;
    private final Clock clock;

    StripeWebhookVerifier(StripeProperties properties, Clock clock) {
        this.secrets = properties.webhookSecrets();
        this.toleranceSeconds = properties.signatureTolerance().toSeconds();
        this.clock = clock;
    }

    Event verify(String payload, String signature) {
        if (signature == null || signature.isBlank()) {
            throw new MalformedInputException("Stripe-Signature", "is missing");
        }
        if (secrets.isEmpty()) {
            throw new IllegalStateException("STRIPE_WEBHOOK_SECRET is not set: webhooks cannot be verified");
        }
        for (String secret : secrets) {
            try {
                return Webhook.constructEvent(payload, signature, secret, toleranceSeconds, clock);
            } catch (SignatureVerificationException e) {
                // try the next secret
            } catch (RuntimeException e) {
                throw new MalformedInputException("body", "is not a Stripe event");
            }
        }
        throw new MalformedInputException("Stripe-Signature", "does not match the body, or is older than " + toleranceSeconds + " s");
    }
}
