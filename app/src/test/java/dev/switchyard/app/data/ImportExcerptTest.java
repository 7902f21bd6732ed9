package dev.switchyard.app.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImportExcerptTest {

    @Test
    void theCaretSitsUnderTheBadColumnEvenInALongLine() {
        String line = "x".repeat(200) + "BAD" + "y".repeat(200);
        ImportProblem p = new ImportProblem("f.csv", 9, 201, null, "bad", line);
        String[] lines = DataView.excerpt(p).split("\n");
        int caret = lines[1].indexOf('^');
        assertEquals('B', lines[0].charAt(caret));
        assertTrue(lines[0].length() < 120, "long lines are windowed");
    }

    @Test
    void shortLinesShowWhole() {
        ImportProblem p = new ImportProblem("f.csv", 3, 5, null, "bad", "a,b,c,d");
        assertEquals("line 3: a,b,c,d\n" + " ".repeat(12) + "^", DataView.excerpt(p));
    }
}
