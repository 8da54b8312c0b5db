package org.goalpost.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * How far a raised amount has come along a campaign's tiers. Positions are basis points of the
 * top tier (10,000 = the whole bar), computed in integers: a tier of 2,500 on a 5,000 bar sits
 * at exactly 5,000 bp. The raised amount may exceed the top tier; the bar's fill stops at full.
 */
public record Progress(long raisedMinor, long goalMinor, List<Marker> markers) {

    public static final int FULL = 10_000;

    public Progress {
        markers = List.copyOf(markers);
    }

    /** A tier on the bar: where it sits and whether the raised amount has reached it. */
    public record Marker(Tier tier, int positionBasisPoints, boolean reached) {

        public String cssPercent() {
            return Progress.cssPercent(positionBasisPoints);
        }
    }

    /** The bar's fill: 0 to 10,000 basis points, never more, never less. */
    public int fillBasisPoints() {
        if (raisedMinor <= 0) {
            return 0;
        }
        return Math.min(FULL, basisPoints(raisedMinor, goalMinor));
    }

    /** The raised amount as a share of the top tier, uncapped: 11,000 bp when 110 % raised. */
    public long percentOfGoalBasisPoints() {
        return BigDecimal.valueOf(raisedMinor)
                .multiply(BigDecimal.valueOf(FULL))
                .divide(BigDecimal.valueOf(goalMinor), 0, RoundingMode.DOWN)
                .longValueExact();
    }

    public String fillCssPercent() {
        return cssPercent(fillBasisPoints());
    }

    static int basisPoints(long amount, long goal) {
        long capped = Math.max(0, Math.min(amount, goal));
        return (int) BigDecimal.valueOf(capped)
                .multiply(BigDecimal.valueOf(FULL))
                .divide(BigDecimal.valueOf(goal), 0, RoundingMode.DOWN)
                .longValueExact();
    }

    static String cssPercent(int basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString() + "%";
    }
}
