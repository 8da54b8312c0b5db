package org.goalpost.campaign;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.goalpost.shared.web.FieldProblem;

/**
 * The sites allowed to embed a campaign's widget (its script's JSON through CORS, its iframe
 * through {@code frame-ancestors}, its checkout API), as origins: {@code https://news.example}.
 * None listed means any site may: the widget only ever shows aggregates.
 */
public final class EmbedOrigins {

    public static final int MAX = 20;
    private static final EmbedOrigins ANY = new EmbedOrigins(List.of());

    private final List<String> origins;

    private EmbedOrigins(List<String> origins) {
        this.origins = List.copyOf(origins);
    }

    public static EmbedOrigins any() {
        return ANY;
    }

    /** Whether a page of this origin may embed the widget. */
    public boolean allows(String origin) {
        return origins.isEmpty() || (origin != null && origins.contains(origin.toLowerCase(Locale.ROOT)));
    }

    public boolean allowsAny() {
        return origins.isEmpty();
    }

    public List<String> asList() {
        return origins;
    }

    String stored() {
        return origins.isEmpty() ? null : String.join(" ", origins);
    }

    static EmbedOrigins fromStored(String stored) {
        if (stored == null || stored.isBlank()) {
            return ANY;
        }
        return new EmbedOrigins(Arrays.asList(stored.strip().split("\\s+")));
    }

    /** Reads the origins a person typed, naming each one that is not an origin. */
    static EmbedOrigins parse(List<String> typed, List<FieldProblem> problems) {
        if (typed == null) {
            return ANY;
        }
        Set<String> origins = new LinkedHashSet<>();
        for (int i = 0; i < typed.size(); i++) {
            String value = typed.get(i) == null ? "" : typed.get(i).strip();
            if (value.isEmpty()) {
                continue;
            }
            String origin = origin(value);
            if (origin == null) {
                problems.add(new FieldProblem(
                        "embedOrigins[" + i + "]", "is not a site's origin such as https://news.example"));
            } else {
                origins.add(origin);
            }
        }
        if (origins.size() > MAX) {
            problems.add(new FieldProblem("embedOrigins", "at most " + MAX + " sites"));
        }
        return origins.isEmpty() ? ANY : new EmbedOrigins(new ArrayList<>(origins));
    }

    private static String origin(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean bare = (uri.getPath() == null
                            || uri.getPath().isEmpty()
                            || uri.getPath().equals("/"))
                    && uri.getQuery() == null
                    && uri.getFragment() == null
                    && uri.getUserInfo() == null;
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || !bare) {
                return null;
            }
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmbedOrigins that && origins.equals(that.origins);
    }

    @Override
    public int hashCode() {
        return origins.hashCode();
    }

    @Override
    public String toString() {
        return origins.isEmpty() ? "any site" : String.join(" ", origins);
    }
}
