package dev.switchyard.engine.traffic.importer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Timestamps as logs write them: ISO-8601 instants ({@code 2026-05-04T13:22:10Z}), with an offset,
 * without a zone (read as UTC), with a space instead of the T, a bare date, or epoch seconds or
 * milliseconds (numbers above 10^11 are taken as milliseconds).
 */
final class Timestamps {
    private Timestamps() {
    }

    /** Epoch milliseconds, or null when the text is not a timestamp. */
    static Long parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        boolean numeric = true;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' && i > 0)) {
                numeric = false;
                break;
            }
        }
        if (numeric) {
            try {
                double v = Double.parseDouble(t);
                if (!Double.isFinite(v) || v > 1e15) {
                    return null;
                }
                return v > 1e11 ? (long) v : (long) (v * 1000);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        String iso = t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
        try {
            return Instant.parse(iso).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }
}
