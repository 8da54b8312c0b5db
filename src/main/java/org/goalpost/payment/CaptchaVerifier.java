package org.goalpost.payment;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.goalpost.shared.web.UpstreamFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * Asks the provider whether a token passed: {@code POST secret, response, remoteip} as a form, the
 * same for Turnstile and hCaptcha, answered {@code {"success": true|false, "error-codes": [...]}}.
 */
class CaptchaVerifier {

    private static final Logger log = LoggerFactory.getLogger(CaptchaVerifier.class);
    private final URI verifyUri;
    private final String secret;
    private final RestClient http;

    CaptchaVerifier(URI verifyUri, String secret, Duration timeout) {
        this.verifyUri = verifyUri;
        this.secret = secret;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        requests.setReadTimeout(timeout);
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    /** @throws UpstreamFailureException (retryable) when the provider does not answer clearly */
    boolean passes(String token, String address) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("secret", secret);
        form.add("response", token);
        if (address != null) {
            form.add("remoteip", address);
        }
        try {
            JsonNode answer = http.post()
                    .uri(verifyUri)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(JsonNode.class);
            if (answer == null || !answer.path("success").isBoolean()) {
                throw unavailable("an answer without success", null);
            }
            boolean success = answer.path("success").booleanValue();
            if (!success) {
                log.info("Person check failed: {}", answer.path("error-codes"));
            }
            return success;
        } catch (RestClientException e) {
            throw unavailable(e.getClass().getSimpleName(), e);
        }
    }

    private static UpstreamFailureException unavailable(String why, Exception cause) {
        log.warn("The person check provider could not be asked: {}", why);
        return new UpstreamFailureException(
                "The person check is not available right now; nothing was charged. Please try again in a minute.",
                true,
                cause);
    }
}
