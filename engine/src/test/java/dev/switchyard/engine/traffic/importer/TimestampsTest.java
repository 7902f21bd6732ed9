package dev.switchyard.engine.traffic.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-read plain UTC form gives what java.time's parser gives, and leaves every other text to it. */
class TimestampsTest {

    /** What Timestamps.parse gave before the hand-read form: java.time's parsers alone. */
    private static Long javaTime(String text) {
        String t = text.strip();
        String iso = t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
        try {
            return Instant.parse(iso).toEpochMilli();
        } catch (DateTimeParseException e) {
            // the other forms are outside the hand-read one: not compared here
        }
        try {
            return java.time.OffsetDateTime.parse(iso).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return java.time.LocalDateTime.parse(iso).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            // next
        }
        try {
            return java.time.LocalDate.parse(iso).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void randomInstantsReadAsJavaTimeReadsThem() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            // years 0000-9999, any second of them, 0-9 fraction digits
            long second = rng.nextLong(-62_167_219_200L, 253_402_300_800L);
            int nanos = rng.nextInt(1_000_000_000);
            String text = Instant.ofEpochSecond(second, 0).toString().replace("Z", "");
            int digits = rng.nextInt(10);
            if (digits > 0) {
                text += "." + String.format("%09d", nanos).substring(0, digits);
            }
            text += "Z";
            if (rng.nextInt(4) == 0) {
                text = text.substring(0, 10) + ' ' + text.substring(11);
            }
            assertEquals(javaTime(text), Timestamps.parse(text), text);
        }
    }

    @Test
    void edgesAndImpossibleDatesAreJudgedAsBefore() {
        String[] texts = {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
            "2024-02-29T12:00:00Z", "2023-02-29T12:00:00Z", "1900-02-29T00:00:00Z", "2000-02-29T00:00:00Z", "2026-04-31T00:00:00Z",
            "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-05-04T24:00:00Z", "2026-05-04T23:60:00Z", "2026-05-04T23:59:60Z",
            "2026-05-04T13:22:10.Z", "2026-05-04T13:22:10.1234567890Z", "2026-05-04T13:22:10z", "2026-05-04t13:22:10Z",
            "2026-05-04T13:22:10+02:00", "2026-05-04T13:22:10", "2026-05-04", "2026-5-04T13:22:10Z", "2026-05-04T13:2a:10Z",
            "+12026-05-04T13:22:10Z", "-0001-05-04T13:22:10Z", "2026-05-04 13:22:10.5Z", "2026-05-04T13:22:10,5Z"};
        for (String t : texts) {
            assertEquals(javaTime(t), Timestamps.parse(t), t);
        }
        assertEquals(Long.valueOf(0), Timestamps.parse("1970-01-01T00:00:00Z"));
        assertEquals(Long.valueOf(1_777_900_930_000L), Timestamps.parse("2026-05-04T13:22:10Z"), "by hand: 20577 days + 48130 s");
        assertNull(Timestamps.parse("2023-02-29T12:00:00Z"));
    }
}
