package org.goalpost.donation;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The smallest and largest gift, in major units of the campaign's currency ({@code 1.00} is one
 * dollar, one euro, one yen), and the amounts the donate form offers where a campaign's ask sets none: for a gift
 * once ({@code presets}), every month ({@code presetsMonth}) and every year ({@code presetsYear}); the middle one of
 * each is preselected.
 */
@ConfigurationProperties("goalpost.donation")
record DonationLimits(
        @DefaultValue("1.00") BigDecimal minimum,
        @DefaultValue("10000.00") BigDecimal maximum,
        @DefaultValue({"10", "25", "50"}) List<BigDecimal> presets,
        @DefaultValue({"5", "10", "20"}) List<BigDecimal> presetsMonth,
        @DefaultValue({"50", "100", "200"}) List<BigDecimal> presetsYear) {

    public DonationLimits {
        if (minimum.signum() <= 0 || maximum.compareTo(minimum) < 0) {
            throw new IllegalArgumentException(
                    "goalpost.donation: need 0 < minimum <= maximum, got " + minimum + " and " + maximum);
        }
    }
}
