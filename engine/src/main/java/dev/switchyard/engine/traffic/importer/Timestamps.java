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

    private static final long NOT_PLAIN = Long.MIN_VALUE;

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
        long fast = utcInstantMillis(iso);
        if (fast != NOT_PLAIN) {
            return fast;
        }
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

    /**
     * The form logs write most, {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with a four-digit year, read by hand: the same
     * millisecond {@link Instant#parse} gives (fraction truncated), or {@link #NOT_PLAIN} for anything else (another
     * form, an impossible date, a leap second), which the java.time parsers then judge. A traffic file holds one per
     * row, and the formatter's general parse was a fifth of reading the bundled sample at start-up.
     */
    private static long utcInstantMillis(String s) {
        int n = s.length();
        if (n < 20 || n == 21 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return NOT_PLAIN;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month) || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return NOT_PLAIN;
        }
        int millis = 0;
        if (n > 20) { // ".f...fZ": 1 to 9 digits, of which the first three are milliseconds
            if (s.charAt(19) != '.') {
                return NOT_PLAIN;
            }
            int fractionDigits = n - 21;
            int fraction = digits(s, 20, fractionDigits);
            if (fraction < 0) {
                return NOT_PLAIN;
            }
            for (int k = fractionDigits; k < 3; k++) {
                fraction *= 10;
            }
            for (int k = 3; k < fractionDigits; k++) {
                fraction /= 10;
            }
            millis = fraction;
        }
        long seconds = epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second;
        return seconds * 1000 + millis;
    }

    /** The non-negative number written by {@code count} ASCII digits from {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int lengthOfMonth(int year, int month) {
        if (month == 2) {
            return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** Days from 1970-01-01 to the proleptic Gregorian date (the civil-from-days inverse, era by era of 400 years). */
    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }
}
