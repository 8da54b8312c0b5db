package org.goalpost.attribution;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.goalpost.shared.text.PlainText;
import org.goalpost.shared.web.FieldProblem;
import org.goalpost.shared.web.InvalidInputException;

/**
 * What attribution may hold, and its normal form. A page is an {@code http} or {@code https} address, kept as scheme,
 * lower-case host (and port, if not the scheme's) and path without a trailing slash: no query, no fragment, so nothing
 * a reader's address may carry is ever stored; the page's {@code utm_source}, {@code utm_medium} and
 * {@code utm_campaign} are taken from its query when not given on their own. A placement and a variant are 1 to 64
 * and 1 to 32 letters, digits, {@code -}, {@code _} or {@code .}; a utm value one plain line of at most 100
 * characters.
 */
public final class AttributionRules {

    public static final int MAX_PAGE = 500;
    public static final int MAX_UTM = 100;
    private static final Pattern PLACEMENT = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Pattern VARIANT = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    private AttributionRules() {}

    /**
     * The normal form of a draft; fields are named {@code prefix + "page"} and so on.
     *
     * @throws InvalidInputException naming every field that breaks a rule
     */
    public static Attribution check(AttributionDraft draft, String prefix) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, String> utm = new HashMap<>();
        String page = page(trimmed(draft.page()), utm, prefix, problems);
        String placement = trimmed(draft.placement());
        if (placement == null) {
            placement = Attribution.DEFAULT_PLACEMENT;
        } else if (!PLACEMENT.matcher(placement).matches()) {
            problems.add(new FieldProblem(
                    prefix + "placement", "use 1 to 64 letters, digits, '-', '_' or '.', such as 'article-end'"));
        }
        String variant = trimmed(draft.variant());
        if (variant != null && !VARIANT.matcher(variant).matches()) {
            problems.add(new FieldProblem(prefix + "variant", "use 1 to 32 letters, digits, '-', '_' or '.'"));
        }
        String source = utm(draft.utmSource(), utm.get("utm_source"), prefix + "utmSource", problems);
        String medium = utm(draft.utmMedium(), utm.get("utm_medium"), prefix + "utmMedium", problems);
        String campaign = utm(draft.utmCampaign(), utm.get("utm_campaign"), prefix + "utmCampaign", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Attribution(page, placement, variant, source, medium, campaign);
    }

    private static String page(String typed, Map<String, String> utm, String prefix, List<FieldProblem> problems) {
        if (typed == null) {
            return null;
        }
        String field = prefix + "page";
        if (typed.length() > 4096) {
            problems.add(new FieldProblem(field, "is longer than 4,096 characters"));
            return null;
        }
        URI uri;
        try {
            uri = new URI(typed);
        } catch (URISyntaxException e) {
            problems.add(new FieldProblem(field, "is not an address, such as https://news.example/story"));
            return null;
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null) {
            problems.add(
                    new FieldProblem(field, "must be an http or https address, such as https://news.example/story"));
            return null;
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                if (name != null && name.startsWith("utm_") && equals > 0) {
                    utm.putIfAbsent(name, decode(pair.substring(equals + 1)));
                }
            }
        }
        int port = uri.getPort();
        boolean usualPort =
                port < 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String page = scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (usualPort ? "" : ":" + port) + path;
        if (page.length() > MAX_PAGE) {
            problems.add(new FieldProblem(field, "is longer than " + MAX_PAGE + " characters without its query"));
            return null;
        }
        return page;
    }

    private static String utm(String given, String fromPage, String field, List<FieldProblem> problems) {
        String value = trimmed(given) != null ? trimmed(given) : trimmed(fromPage);
        if (value != null && (value.length() > MAX_UTM || !PlainText.isLine(value))) {
            problems.add(new FieldProblem(field, "use one line of at most " + MAX_UTM + " characters"));
            return null;
        }
        return value;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String trimmed(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
