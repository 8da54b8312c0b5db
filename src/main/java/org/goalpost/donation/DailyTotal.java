package org.goalpost.donation;

import java.time.LocalDate;

/** Money recorded on one day (in the campaign's time zone): the net sum of every movement, and the gifts alone. */
public record DailyTotal(LocalDate day, long raisedMinor, long grossMinor) {}
