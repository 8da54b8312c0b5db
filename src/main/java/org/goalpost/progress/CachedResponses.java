package org.goalpost.progress;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * How the read path answers: the ready bytes with their strong ETag, {@code 304 Not Modified}
 * when the client already has them, and {@code Cache-Control: public, max-age, stale-while-revalidate}
 * so that a CDN in front absorbs most traffic. Worst case, a reader sees a figure
 * {@code poll + maxAge + staleWhileRevalidate} old (1 s + 5 s + 10 s by default).
 */
@ConfigurationProperties("goalpost.widget")
final class CachedResponses {

    private final Duration maxAge;
    private final Duration staleWhileRevalidate;
    private volatile String headerValue;

    public CachedResponses(@DefaultValue("5s") Duration maxAge, @DefaultValue("10s") Duration staleWhileRevalidate) {
        this.maxAge = maxAge;
        this.staleWhileRevalidate = staleWhileRevalidate;
    }

    public Duration maxAge() {
        return maxAge;
    }

    public Duration staleWhileRevalidate() {
        return staleWhileRevalidate;
    }

    String cacheControl() {
        return CacheControl.maxAge(maxAge)
                .cachePublic()
                .staleWhileRevalidate(staleWhileRevalidate)
                .getHeaderValue();
    }

    /** Writes the representation (or a 304) straight to the response: the read path's hottest code. */
    void serve(Representation representation, String ifNoneMatch, String contentType, HttpServletResponse response)
            throws IOException {
        response.setHeader(HttpHeaders.ETAG, representation.etag());
        response.setHeader(HttpHeaders.CACHE_CONTROL, headerValue());
        if (representation.matches(ifNoneMatch)) {
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            return;
        }
        response.setContentType(contentType);
        response.setContentLength(representation.body().length);
        response.getOutputStream().write(representation.body());
    }

    private String headerValue() {
        String value = headerValue;
        if (value == null) {
            value = cacheControl();
            headerValue = value;
        }
        return value;
    }
}
