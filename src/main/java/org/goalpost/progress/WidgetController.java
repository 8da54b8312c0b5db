package org.goalpost.progress;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.goalpost.campaign.EmbedOrigins;
import org.goalpost.shared.web.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The embeddable forms of a campaign's bar: the iframe page {@code /widget/{slug}} (framed only by
 * the campaign's sites) and the no-JavaScript image {@code /widget/{slug}.svg}. Both come from
 * {@link ProgressCache}: no database query. The script widget ({@code /widget.js}) is a static file
 * that reads {@code /api/campaigns/{slug}}.
 */
@Controller
class WidgetController {

    private final ProgressCache cache;
    private final CachedResponses responses;
    private final ReaderSignals signals;

    WidgetController(ProgressCache cache, CachedResponses responses, ReaderSignals signals) {
        this.cache = cache;
        this.responses = responses;
        this.signals = signals;
    }

    @GetMapping("/widget/{slug}.svg")
    void svg(
            @PathVariable String slug,
            @RequestParam(required = false) String locale,
            @RequestParam(required = false) String width,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        ProgressCache.Snapshot snapshot = snapshot(slug);
        signals.servedView(snapshot.campaign(), request, "svg");
        responses.serve(cache.svg(snapshot, locale, width), ifNoneMatch, "image/svg+xml", response);
    }

    @GetMapping("/widget/{slug}")
    String frame(
            @PathVariable String slug,
            @RequestParam(required = false) String locale,
            Locale requestLocale,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        Optional<ProgressCache.Snapshot> found = cache.find(slug);
        if (found.isEmpty()) {
            // the default headers are left to this page (it sets its own framing), so its "not found" sets them: framed
            // by no one
            response.setHeader("Content-Security-Policy", FRAME_POLICY + "'none'");
            response.setHeader("X-Frame-Options", "DENY");
            throw new NotFoundException("No campaign '" + slug + "'");
        }
        ProgressCache.Snapshot snapshot = found.get();
        signals.servedView(snapshot.campaign(), request, "iframe");
        Locale shown = locale == null || locale.isBlank() ? requestLocale : Locale.forLanguageTag(locale);
        model.addAttribute("campaign", snapshot.campaign());
        model.addAttribute("bar", ProgressBarView.of(snapshot.progress(), shown));
        response.setHeader(
                "Content-Security-Policy",
                FRAME_POLICY + frameAncestors(snapshot.campaign().embedOrigins()));
        response.setHeader(HttpHeaders.CACHE_CONTROL, responses.cacheControl());
        return "widget";
    }

    /**
     * The iframe shows the bar and a link, and runs one script of this app (it tells the page its height): no other
     * script, styles from this app, framed only by its campaign's sites.
     */
    static final String FRAME_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors ";

    static String frameAncestors(EmbedOrigins origins) {
        return origins.allowsAny() ? "*" : "'self' " + String.join(" ", origins.asList());
    }

    private ProgressCache.Snapshot snapshot(String slug) {
        return cache.find(slug).orElseThrow(() -> new NotFoundException("No campaign '" + slug + "'"));
    }
}
