package org.goalpost.campaign;

import java.util.ArrayList;
import java.util.List;

/**
 * A campaign's tiers, lowest first. Built only from tiers that {@link CampaignRules} accepted:
 * at least one, amounts above zero and strictly increasing. The top tier is the bar's scale.
 */
public final class Tiers {

    private final List<Tier> tiers;

    Tiers(List<Tier> tiers) {
        if (tiers.isEmpty()) {
            throw new IllegalArgumentException("a campaign has at least one tier");
        }
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).amountMinor() <= 0
                    || (i > 0 && tiers.get(i).amountMinor() <= tiers.get(i - 1).amountMinor())) {
                throw new IllegalArgumentException("tier amounts must be above zero and strictly increasing");
            }
        }
        this.tiers = List.copyOf(tiers);
    }

    public List<Tier> asList() {
        return tiers;
    }

    public Tier top() {
        return tiers.get(tiers.size() - 1);
    }

    /** Where {@code raisedMinor} stands along these tiers. */
    public Progress progressAt(long raisedMinor) {
        long goal = top().amountMinor();
        List<Progress.Marker> markers = new ArrayList<>(tiers.size());
        for (Tier tier : tiers) {
            markers.add(new Progress.Marker(
                    tier, Progress.basisPoints(tier.amountMinor(), goal), raisedMinor >= tier.amountMinor()));
        }
        return new Progress(raisedMinor, goal, markers);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tiers that && tiers.equals(that.tiers);
    }

    @Override
    public int hashCode() {
        return tiers.hashCode();
    }

    @Override
    public String toString() {
        return tiers.toString();
    }
}
