package dev.switchyard.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A figure judged against a target never prints as the target when it is on the other side of it. */
class FormatsTest {

    @Test
    void aValueJustBelowItsTargetShowsTheDecimalsThatSaySo() {
        assertEquals("86.1%", Formats.percentAgainst(0.8612, 0.85), "one decimal where it already differs");
        assertEquals("84.96%", Formats.percentAgainst(0.84962, 0.85), "85.0% would read as the target");
        assertEquals("85.004%", Formats.percentAgainst(0.850042, 0.85), "two decimals still read 85.00%");
        assertEquals("85.0%", Formats.percentAgainst(0.85, 0.85), "exactly on the target");
        assertEquals("–", Formats.percentAgainst(Double.NaN, 0.85));
    }
}
