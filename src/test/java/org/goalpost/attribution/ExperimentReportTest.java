package org.goalpost.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The test of revenue per view, against values computed independently (Python's math.erfc). */
class ExperimentReportTest {

    @Test
    void aClearDifferenceIsSignificantAndASmallOneIsNot() {
        // 10,000 views each: 100 gifts of 25 $ against 150 gifts of 25 $ (z = 3.18, p = 0.00146)
        assertThat(ExperimentReport.welchPValueBasisPoints(10_000, 250_000, 625_000_000, 10_000, 375_000, 937_500_000))
                .isCloseTo(15L, within(1L));
        // 100 gifts against 104 (z = 0.28, p = 0.778)
        assertThat(ExperimentReport.welchPValueBasisPoints(10_000, 250_000, 625_000_000, 10_000, 260_000, 650_000_000))
                .isCloseTo(7_783L, within(3L));
        assertThat(ExperimentReport.welchPValueBasisPoints(1_000, 0, 0, 1_000, 0, 0))
                .as("nothing given on either side: no difference")
                .isEqualTo(10_000);
    }
}
