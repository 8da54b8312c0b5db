package org.goalpost.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressTest {

    private final Tiers tiers = TestCampaigns.campaign("USD", PeriodKind.NONE, "UTC", 250_000, 500_000)
            .tiers();

    @Test
    void placesMarkersProportionallyOnTheTopTiersScale() {
        Progress progress = tiers.progressAt(89_500);
        assertThat(progress.markers())
                .extracting(Progress.Marker::positionBasisPoints)
                .containsExactly(5_000, 10_000);
        assertThat(progress.markers()).extracting(Progress.Marker::cssPercent).containsExactly("50%", "100%");
        assertThat(progress.goalMinor()).isEqualTo(500_000);
    }

    @Test
    void belowTheFirstTier() {
        Progress progress = tiers.progressAt(89_500);
        assertThat(progress.markers()).extracting(Progress.Marker::reached).containsExactly(false, false);
        assertThat(progress.fillBasisPoints()).isEqualTo(1_790);
        assertThat(progress.fillCssPercent()).isEqualTo("17.9%");
    }

    @Test
    void betweenTiers() {
        Progress progress = tiers.progressAt(300_000);
        assertThat(progress.markers()).extracting(Progress.Marker::reached).containsExactly(true, false);
        assertThat(progress.fillBasisPoints()).isEqualTo(6_000);
    }

    @Test
    void exactlyOnATierReachesIt() {
        assertThat(tiers.progressAt(250_000).markers())
                .extracting(Progress.Marker::reached)
                .containsExactly(true, false);
        assertThat(tiers.progressAt(249_999).markers())
                .extracting(Progress.Marker::reached)
                .containsExactly(false, false);
        Progress onTop = tiers.progressAt(500_000);
        assertThat(onTop.markers()).extracting(Progress.Marker::reached).containsExactly(true, true);
        assertThat(onTop.fillBasisPoints()).isEqualTo(10_000);
    }

    @Test
    void aboveTheTopTierTheFillStopsButThePercentageDoesNot() {
        Progress progress = tiers.progressAt(550_000);
        assertThat(progress.fillBasisPoints()).isEqualTo(10_000);
        assertThat(progress.percentOfGoalBasisPoints()).isEqualTo(11_000);
        assertThat(progress.markers()).extracting(Progress.Marker::reached).containsExactly(true, true);
        assertThat(progress.raisedMinor()).isEqualTo(550_000);
    }

    @Test
    void negativeOrZeroRaisedShowsAnEmptyBar() {
        assertThat(tiers.progressAt(0).fillBasisPoints()).isZero();
        assertThat(tiers.progressAt(-1_000).fillBasisPoints()).isZero();
        assertThat(tiers.progressAt(-1_000).markers())
                .extracting(Progress.Marker::reached)
                .containsExactly(false, false);
    }

    @Test
    void unevenTiersKeepIntegerPrecision() {
        Tiers odd = TestCampaigns.campaign("USD", PeriodKind.NONE, "UTC", 1, 3).tiers();
        assertThat(odd.progressAt(0).markers())
                .extracting(Progress.Marker::positionBasisPoints)
                .containsExactly(3_333, 10_000);
        assertThat(odd.progressAt(0).markers().get(0).cssPercent()).isEqualTo("33.33%");
    }
}
