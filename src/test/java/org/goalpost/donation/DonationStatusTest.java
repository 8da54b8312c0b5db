package org.goalpost.donation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DonationStatusTest {

    @Test
    void pendingMovesAnywhereForward() {
        for (DonationStatus next : DonationStatus.values()) {
            assertThat(DonationStatus.PENDING.canMoveTo(next))
                    .as(next.name())
                    .isEqualTo(next != DonationStatus.PENDING);
        }
    }

    @Test
    void aSuccessIsNeverUndone() {
        for (DonationStatus next : DonationStatus.values()) {
            assertThat(DonationStatus.SUCCEEDED.canMoveTo(next)).as(next.name()).isFalse();
        }
    }

    @Test
    void aFailedOrExpiredAttemptCanOnlyStillSucceed() {
        for (DonationStatus from :
                new DonationStatus[] {DonationStatus.FAILED, DonationStatus.EXPIRED, DonationStatus.CANCELED}) {
            assertThat(from.canMoveTo(DonationStatus.SUCCEEDED)).isTrue();
            assertThat(from.canMoveTo(DonationStatus.PENDING)).isFalse();
            assertThat(from.canMoveTo(DonationStatus.FAILED)).isFalse();
            assertThat(from.canMoveTo(DonationStatus.EXPIRED)).isFalse();
        }
    }
}
