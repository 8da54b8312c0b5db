package org.goalpost.progress;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.goalpost.attribution.Attribution;
import org.goalpost.attribution.AttributionDraft;
import org.goalpost.attribution.AttributionRules;
import org.goalpost.attribution.ReaderCounts;
import org.goalpost.campaign.Campaign;
import org.goalpost.shared.limits.ClientKeys;
import org.goalpost.shared.web.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Counting a view or a click from the read path (issue 13): robots that say so in their {@code User-Agent} are not
 * counted, nor a client address past its per-minute bound; nothing about the reader is kept.
 */
@Component
class ReaderSignals {

    /**
     * Words by which robots and tools announce themselves in a lower-cased {@code User-Agent} (plain substrings: a
     * regular expression over every beacon's agent cost the endpoint two thirds of its throughput).
     */
    static final List<String> ROBOTS = List.of(
            "bot/",
            "bot;",
            "robot",
            "crawl",
            "spider",
            "slurp",
            "facebookexternalhit",
            "embedly",
            "preview",
            "lighthouse",
            "pingdom",
            "curl/",
            "wget/",
            "python-requests",
            "go-http-client",
            "java/",
            "okhttp");

    /** Whether a {@code User-Agent} announces a robot or a tool. */
    static boolean robot(String agent) {
        if (agent == null) {
            return false;
        }
        String lower = agent.toLowerCase(Locale.ROOT);
        if (lower.endsWith("bot")) {
            return true;
        }
        for (String word : ROBOTS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private final ReaderCounts counts;
    private final ClientKeys clients;

    ReaderSignals(ReaderCounts counts, ClientKeys clients) {
        this.counts = counts;
        this.clients = clients;
    }

    /** Whether a request is one to count: no announced robot, its address within its bound. */
    boolean countable(HttpServletRequest request) {
        if (robot(request.getHeader(HttpHeaders.USER_AGENT))) {
            return false;
        }
        return counts.admits(clients.of(request.getRemoteAddr()));
    }

    void view(Campaign campaign, Attribution attribution) {
        counts.view(campaign.id(), campaign.timeZone(), attribution);
    }

    void click(Campaign campaign, Attribution attribution) {
        counts.click(campaign.id(), campaign.timeZone(), attribution);
    }

    /**
     * A view of the iframe or the SVG, served: its page from the {@code Referer} the browser sent (none when it sent
     * none or one that is not a page), its placement from {@code ?placement=} (else {@code iframe} or {@code svg}).
     */
    void servedView(Campaign campaign, HttpServletRequest request, String defaultPlacement) {
        if (!countable(request)) {
            return;
        }
        String placement = request.getParameter("placement");
        Attribution attribution;
        try {
            attribution = AttributionRules.check(
                    new AttributionDraft(
                            request.getHeader(HttpHeaders.REFERER),
                            placement == null ? defaultPlacement : placement,
                            null,
                            null,
                            null,
                            null),
                    "");
        } catch (InvalidInputException e) {
            attribution = new Attribution(null, defaultPlacement, null, null, null, null);
        }
        view(campaign, attribution);
    }
}
