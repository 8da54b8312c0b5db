package org.goalpost.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PeriodCalendarTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void lateOnTheLastDayOfTheMonthInNewYorkStaysInThatMonth() {
        Instant lateOctober =
                LocalDateTime.parse("2026-10-31T23:30:00").atZone(NEW_YORK).toInstant();
        assertThat(lateOctober).isEqualTo(Instant.parse("2026-11-01T03:30:00Z"));
        assertThat(PeriodCalendar.periodAt(PeriodKind.MONTHLY, NEW_YORK, lateOctober)
                        .key())
                .isEqualTo(PeriodKey.parse("2026-10"));
        assertThat(PeriodCalendar.periodAt(PeriodKind.MONTHLY, ZoneId.of("UTC"), lateOctober)
                        .key())
                .isEqualTo(PeriodKey.parse("2026-11"));
    }

    @Test
    void monthsStartAndEndAtMidnightInTheCampaignsZone() {
        Period november = PeriodCalendar.period(PeriodKind.MONTHLY, NEW_YORK, PeriodKey.parse("2026-11"));
        // Daylight saving time ends on 1 November 2026 at 02:00 in New York: the month starts still on EDT (UTC-4).
        assertThat(november.start()).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
        assertThat(november.end()).isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
        assertThat(PeriodCalendar.periodAt(PeriodKind.MONTHLY, NEW_YORK, november.start())
                        .key()
                        .value())
                .isEqualTo("2026-11");
        assertThat(PeriodCalendar.periodAt(
                                PeriodKind.MONTHLY, NEW_YORK, november.end().minusNanos(1000))
                        .key()
                        .value())
                .isEqualTo("2026-11");
        assertThat(PeriodCalendar.periodAt(PeriodKind.MONTHLY, NEW_YORK, november.end())
                        .key()
                        .value())
                .isEqualTo("2026-12");
    }

    @Test
    void yearsTurnInTheCampaignsZone() {
        Instant newYearInTokyo = Instant.parse("2026-12-31T15:00:00Z");
        assertThat(PeriodCalendar.periodAt(PeriodKind.MONTHLY, ZoneId.of("Asia/Tokyo"), newYearInTokyo)
                        .key()
                        .value())
                .isEqualTo("2027-01");
        assertThat(PeriodCalendar.periodAt(PeriodKind.MONTHLY, ZoneId.of("Europe/London"), newYearInTokyo)
                        .key()
                        .value())
                .isEqualTo("2026-12");
    }

    @Test
    void campaignsWithoutPeriodsHaveOneRunningTotal() {
        Period whole = PeriodCalendar.periodAt(PeriodKind.NONE, NEW_YORK, Instant.parse("2026-10-31T23:30:00Z"));
        assertThat(whole.key()).isEqualTo(PeriodKey.ALL);
        assertThat(whole.isBounded()).isFalse();
        assertThatThrownBy(() -> PeriodCalendar.period(PeriodKind.NONE, NEW_YORK, PeriodKey.parse("2026-10")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void periodKeysHaveOneFormat() {
        assertThat(PeriodKey.parse("2026-01").month().getMonthValue()).isEqualTo(1);
        for (String bad : new String[] {"2026-13", "2026-1", "26-01", "all", "2026-00", ""}) {
            assertThatThrownBy(() -> PeriodKey.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
