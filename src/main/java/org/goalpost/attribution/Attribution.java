package org.goalpost.attribution;

/**
 * Where a gift or a view came from, normalised by {@link AttributionRules}: the embedding page (scheme, lower-case
 * host and path, no query, no fragment, no trailing slash), the placement ({@code data-placement}, {@code default}
 * when none), the ask's variant (or null) and the page's {@code utm_source}, {@code utm_medium} and
 * {@code utm_campaign} (or null). Nothing in it identifies a reader.
 */
public record Attribution(
        String page, String placement, String variant, String utmSource, String utmMedium, String utmCampaign) {

    public static final String DEFAULT_PLACEMENT = "default";

    /** The key of one aggregate row: the fields joined, hashed (SHA-256, hex) to keep the table's key short. */
    String key() {
        return org.goalpost.shared.text.Sha256.hex(String.join(
                "\u0000",
                page == null ? "" : page,
                placement,
                variant == null ? "" : variant,
                utmSource == null ? "" : utmSource,
                utmMedium == null ? "" : utmMedium,
                utmCampaign == null ? "" : utmCampaign));
    }
}
