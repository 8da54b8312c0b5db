package org.goalpost.progress;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How the read path answers: the ready bytes with their strong ETag, {@code 304 Not Modified}
 * when the client already has them, and {@code Cache-Control: public, max-age, stale-while-revalidate}
 * so that a CDN in front absorbs most traffic. Worst case, a reader sees a figure
 * {@code poll + maxAge + staleWhileRevalidate} old (1 s + 5 s + 10 s by default).
 */
@ConfigurationProperties("goalpost.widget")
public record CachedResponses(
        @DefaultValue("5s") Duration maxAge,
        @DefaultValue("10s") Duration staleWhileRevalidate) {

    CacheControl cacheControl() {
        return CacheControl.maxAge(maxAge).cachePublic().staleWhileRevalidate(staleWhileRevalidate);
    }

    ResponseEntity<byte[]> serve(Representation representation, String ifNoneMatch, MediaType type) {
        if (representation.matches(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(representation.etag()).cacheControl(cacheControl()).build();
        }
        return ResponseEntity.ok().contentType(type).eTag(representation.etag()).cacheControl(cacheControl())
                .body(representation.body());
    }
}
