package org.goalpost.attribution;

/** Attribution as a page or a beacon sent it, before {@link AttributionRules} checked and normalised it. */
public record AttributionDraft(
        String page, String placement, String variant, String utmSource, String utmMedium, String utmCampaign) {

    public static final AttributionDraft NONE = new AttributionDraft(null, null, null, null, null, null);

    public boolean isEmpty() {
        return page == null
                && placement == null
                && variant == null
                && utmSource == null
                && utmMedium == null
                && utmCampaign == null;
    }
}
