package org.goalpost.shared.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants in {@code DATETIME(6)} columns, always UTC. They are bound as text
 * ({@code 2026-11-28 23:30:15.123456}): MySQL Connector/J drops fractional seconds of bound
 * temporal values when it takes a MariaDB server for "MySQL 5.5", whereas text is parsed by every
 * server (MySQL 8, MariaDB, H2) with its microseconds intact. Read back as a UTC local date-time.
 */
public final class DbTime {

    private static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private DbTime() {}

    /** The value to bind for an instant; microsecond precision, as the columns keep. */
    public static String param(Instant instant) {
        if (instant == null) {
            return null;
        }
        return SQL.format(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
    }

    public static Instant read(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /** Truncates to what the database keeps, so that values compare equal after a round trip. */
    public static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
