package org.goalpost.campaign;

/** Where a campaign is in its life. Only active campaigns take donations; drafts and archived ones are not public. */
public enum CampaignStatus {
    DRAFT,
    ACTIVE,
    ENDED,
    ARCHIVED;

    public boolean isPublic() {
        return this == ACTIVE || this == ENDED;
    }
}
