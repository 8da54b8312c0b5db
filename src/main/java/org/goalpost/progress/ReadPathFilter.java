package org.goalpost.progress;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The widget's hot path, answered straight from {@link ProgressCache}: {@code GET /api/campaigns},
 * {@code GET /api/campaigns/{slug}} and {@code GET /widget/{slug}.svg}. It sits after the security
 * filters (CORS, headers) and before Spring MVC, so that serving the bytes costs less than a
 * trivial MVC endpoint. Anything else (an unknown campaign, {@code ?period=}, another path) goes
 * on to the controllers, which answer the same way or with problem details.
 */
class ReadPathFilter extends OncePerRequestFilter {

    private static final String CAMPAIGNS = "/api/campaigns";
    private static final String WIDGET = "/widget/";
    private static final String SVG = ".svg";

    private final ProgressCache cache;
    private final CachedResponses responses;

    private final ReaderSignals signals;

    ReadPathFilter(ProgressCache cache, CachedResponses responses, ReaderSignals signals) {
        this.cache = cache;
        this.responses = responses;
        this.signals = signals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!served(request, response)) {
            chain.doFilter(request, response);
        }
    }

    private boolean served(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (path.startsWith(CAMPAIGNS)
                && request.getQueryString() == null
                && request.getParameterMap().isEmpty()) {
            if (path.length() == CAMPAIGNS.length()) {
                responses.serve(cache.list(), ifNoneMatch, MediaType.APPLICATION_JSON_VALUE, response);
                return true;
            }
            String slug = segment(path, CAMPAIGNS.length() + 1, path.length());
            Optional<ProgressCache.Snapshot> snapshot = slug == null ? Optional.empty() : cache.find(slug);
            if (snapshot.isPresent()) {
                responses.serve(snapshot.get().json(), ifNoneMatch, MediaType.APPLICATION_JSON_VALUE, response);
                return true;
            }
            return false;
        }
        if (path.startsWith(WIDGET) && path.endsWith(SVG)) {
            String slug = segment(path, WIDGET.length(), path.length() - SVG.length());
            Optional<ProgressCache.Snapshot> snapshot = slug == null ? Optional.empty() : cache.find(slug);
            if (snapshot.isPresent()) {
                signals.servedView(snapshot.get().campaign(), request, "svg");
                responses.serve(
                        cache.svg(snapshot.get(), request.getParameter("locale"), request.getParameter("width")),
                        ifNoneMatch,
                        "image/svg+xml",
                        response);
                return true;
            }
        }
        return false;
    }

    /** A slug between two offsets, or null when that is not a single plain path segment. */
    private static String segment(String path, int from, int to) {
        if (from >= to || from < 0 || to > path.length()) {
            return null;
        }
        for (int i = from; i < to; i++) {
            char c = path.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
                return null;
            }
        }
        return path.substring(from, to);
    }
}
