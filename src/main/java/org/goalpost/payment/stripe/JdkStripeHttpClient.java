package org.goalpost.payment.stripe;

import com.stripe.exception.ApiConnectionException;
import com.stripe.net.HttpClient;
import com.stripe.net.HttpContent;
import com.stripe.net.HttpHeaders;
import com.stripe.net.StripeRequest;
import com.stripe.net.StripeResponse;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * stripe-java's transport on the JDK's {@code java.net.http.HttpClient}: pooled keep-alive
 * connections, and the client's user-agent headers built once instead of on every request (the
 * stock client reads a resource from the Gson jar for each call, which is slow inside a Spring Boot
 * jar). Retries, idempotency keys and error mapping stay stripe-java's own.
 */
class JdkStripeHttpClient extends HttpClient {

    private final java.net.http.HttpClient client;
    private final String clientUserAgent;

    JdkStripeHttpClient(Duration connectTimeout) {
        this.client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .build();
        this.clientUserAgent = buildXStripeClientUserAgentString();
    }

    @Override
    public StripeResponse request(StripeRequest request) throws ApiConnectionException {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(request.url().toURI());
            Integer readTimeout = request.options().getReadTimeout();
            if (readTimeout != null && readTimeout > 0) {
                builder.timeout(Duration.ofMillis(readTimeout));
            }
            for (Map.Entry<String, List<String>> header :
                    request.headers().map().entrySet()) {
                builder.header(header.getKey(), String.join(",", header.getValue()));
            }
            builder.header("User-Agent", buildUserAgentString(request));
            builder.header("X-Stripe-Client-User-Agent", clientUserAgent);
            HttpContent content = request.content();
            HttpRequest.BodyPublisher body = content == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(content.byteArrayContent());
            if (content != null) {
                builder.header("Content-Type", content.contentType());
            }
            builder.method(request.method().name(), body);
            HttpResponse<String> response =
                    client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new StripeResponse(
                    response.statusCode(), HttpHeaders.of(response.headers().map()), response.body());
        } catch (HttpTimeoutException e) {
            // stripe-java retries a connection error whose cause is a ConnectException or a SocketTimeoutException
            SocketTimeoutException timeout = new SocketTimeoutException(e.getMessage());
            timeout.initCause(e);
            throw new ApiConnectionException("Stripe did not answer in time: " + e.getMessage(), timeout);
        } catch (IOException e) {
            throw new ApiConnectionException(
                    "Could not reach Stripe at " + request.url().getHost() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("Interrupted while calling Stripe", e);
        } catch (URISyntaxException e) {
            throw new ApiConnectionException("Not a URL: " + request.url(), e);
        }
    }
}
