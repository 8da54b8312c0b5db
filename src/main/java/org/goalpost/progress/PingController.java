package org.goalpost.progress;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/ping}: the cheapest answer the app gives, behind the same filters as the read path
 * (benchmarks compare to it).
 */
@RestController
class PingController {

    private static final byte[] PONG = "{\"pong\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @GetMapping(path = "/api/ping", produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] ping() {
        return PONG;
    }
}
