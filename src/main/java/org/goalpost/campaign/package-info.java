/**
 * Campaigns and their tiered goals: what a campaign is, the rules a campaign must keep
 * ({@link org.goalpost.campaign.CampaignRules}), its periods (one running total, or monthly in the
 * campaign's time zone) and how far a raised amount has come along its tiers
 * ({@link org.goalpost.campaign.Progress}). Other modules go through {@link org.goalpost.campaign.Campaigns}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Campaigns")
package org.goalpost.campaign;
