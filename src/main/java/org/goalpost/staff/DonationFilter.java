package org.goalpost.staff;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.goalpost.campaign.Campaigns;
import org.goalpost.donation.DonationCriteria;
import org.goalpost.donation.DonationInterval;
import org.goalpost.donation.DonationStatus;
import org.goalpost.shared.web.MalformedInputException;

/**
 * The donations filters, from query parameters (the list page, its CSV export and the staff API
 * share them): {@code campaign} (slug), {@code status}, {@code interval}, {@code mode} (live|test),
 * {@code from}/{@code to} (dates, UTC, {@code to} inclusive) and {@code q} (search text).
 */
record DonationFilter(String campaign, String status, String interval, String mode, String from, String to, String q) {

    DonationCriteria criteria(Campaigns campaigns, boolean defaultLive) {
        Long campaignId = blank(campaign)
                ? null
                : campaigns
                        .find(campaign.strip())
                        .map(c -> c.id())
                        .orElseThrow(() -> new MalformedInputException("campaign", "no such campaign"));
        DonationStatus donationStatus = blank(status) ? null : parse(DonationStatus.class, "status", status);
        DonationInterval donationInterval =
                blank(interval) ? null : parse(DonationInterval.class, "interval", interval);
        Boolean live = blank(mode)
                ? Boolean.valueOf(defaultLive)
                : switch (mode.strip()) {
                    case "live" -> Boolean.TRUE;
                    case "test" -> Boolean.FALSE;
                    case "all" -> null;
                    default -> throw new MalformedInputException("mode", "must be live, test or all");
                };
        return new DonationCriteria(
                campaignId, donationStatus, donationInterval, live, date("from", from, 0), date("to", to, 1), q);
    }

    private static java.time.Instant date(String field, String value, int plusDays) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip())
                    .plusDays(plusDays)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new MalformedInputException(field, "write a date as YYYY-MM-DD");
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MalformedInputException(field, "is not a known " + field);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
