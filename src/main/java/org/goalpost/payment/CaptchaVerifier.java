package org.goalpost.payment;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.goalpost.shared.web.UpstreamFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the provider whether a token passed: {@code POST secret, response, remoteip} as a form, the
 * same for Turnstile and hCaptcha, answered {@code {"success": true|false, "error-codes": [...]}}.
 */
class CaptchaVerifier {

    private static final Logger log = LoggerFactory.getLogger(CaptchaVerifier.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI verifyUri;
    private final String secret;
    private final Duration timeout;
    private final HttpClient http;

    CaptchaVerifier(URI verifyUri, String secret, Duration timeout) {
        this.verifyUri = verifyUri;
        this.secret = secret;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** @throws UpstreamFailureException (retryable) when the provider does not answer clearly */
    boolean passes(String token, String address) {
        String form = "secret=" + encode(secret) + "&response=" + encode(token)
                + (address == null ? "" : "&remoteip=" + encode(address));
        HttpRequest request = HttpRequest.newBuilder(verifyUri)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw unavailable("HTTP " + response.statusCode(), null);
            }
            JsonNode answer = JSON.readTree(response.body());
            if (!answer.path("success").isBoolean()) {
                throw unavailable("an answer without success", null);
            }
            boolean success = answer.path("success").booleanValue();
            if (!success) {
                log.info("Person check failed: {}", answer.path("error-codes"));
            }
            return success;
        } catch (IOException | JacksonException e) {
            throw unavailable(e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted", e);
        }
    }

    private static UpstreamFailureException unavailable(String why, Exception cause) {
        log.warn("The person check provider could not be asked: {}", why);
        return new UpstreamFailureException(
                "The person check is not available right now; nothing was charged. Please try again in a minute.",
                true,
                cause);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
