package org.goalpost.progress;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goalpost.campaign.EmbedOrigins;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * CORS per campaign: its JSON ({@code GET /api/campaigns/{slug}}), its checkout API
 * ({@code POST /api/campaigns/{slug}/checkout}) and its views beacon ({@code POST /api/campaigns/{slug}/views}) answer
 * pages of the campaign's embed origins (any
 * site when it lists none); the list of campaigns answers any site. Never with credentials: only
 * aggregates are served, and the checkout needs no session. Read from {@link ProgressCache}; a
 * request without an {@code Origin} (not a cross-origin one) costs nothing here.
 */
@Component
class CampaignCorsSource implements CorsConfigurationSource {

    private static final Pattern CAMPAIGN = Pattern.compile("^/api/campaigns/([^/]+)(/checkout|/views)?/?$");

    private final ProgressCache cache;

    CampaignCorsSource(ProgressCache cache) {
        this.cache = cache;
    }

    @Override
    public CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
        if (request.getHeader("Origin") == null) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/api/campaigns") || path.equals("/api/campaigns/")) {
            return configuration(EmbedOrigins.any(), false);
        }
        Matcher matcher = CAMPAIGN.matcher(path);
        if (!matcher.matches()) {
            return null;
        }
        return cache.find(matcher.group(1))
                .map(snapshot -> configuration(snapshot.campaign().embedOrigins(), matcher.group(2) != null))
                .orElse(null);
    }

    private static CorsConfiguration configuration(EmbedOrigins origins, boolean checkout) {
        CorsConfiguration configuration = new CorsConfiguration();
        if (origins.allowsAny()) {
            configuration.addAllowedOrigin(CorsConfiguration.ALL);
        } else {
            origins.asList().forEach(configuration::addAllowedOrigin);
        }
        configuration.setAllowedMethods(checkout ? List.of("POST") : List.of("GET", "HEAD"));
        configuration.setAllowedHeaders(checkout ? List.of("Content-Type", "Idempotency-Key") : List.of());
        configuration.setExposedHeaders(List.of("ETag"));
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(600L);
        return configuration;
    }
}
