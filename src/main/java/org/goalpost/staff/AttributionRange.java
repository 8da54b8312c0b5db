package org.goalpost.staff;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.goalpost.campaign.Campaign;
import org.goalpost.shared.web.MalformedInputException;

/** The days an attribution report covers: {@code ?from=} and {@code ?to=} (ISO dates), the last 30 days by default. */
record AttributionRange(LocalDate from, LocalDate to) {

    static AttributionRange of(String from, String to, Campaign campaign, java.time.Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(campaign.timeZone()));
        LocalDate end = date("to", to, today);
        return new AttributionRange(date("from", from, end.minusDays(29)), end);
    }

    private static LocalDate date(String field, String text, LocalDate otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new MalformedInputException(field, "write a date as YYYY-MM-DD");
        }
    }
}
