package dev.switchyard.engine.export;

/**
 * The one defence against spreadsheet formula injection (CSV injection) for every text cell
 * Switchyard exports. A text cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, tab,
 * carriage return or line feed would be evaluated as a formula by Excel, LibreOffice or Google
 * Sheets (model names, scenario names and prompt snippets come from imported, untrusted files); it
 * gets a leading apostrophe, which every spreadsheet treats as "this is text" and hides.
 *
 * <p>Numbers are not text: {@link CsvTable} writes a numeric cell as a plain numeric literal
 * ({@code -0.25}), which spreadsheets parse as a number, never as a formula, so a negative number is
 * not prefixed. Only values the caller hands over as strings go through here.
 */
public final class CellSanitizer {
    private CellSanitizer() {
    }

    /** The text as it is safe to write into a spreadsheet cell. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        return isDangerous(value.charAt(0)) ? "'" + value : value;
    }

    static boolean isDangerous(char first) {
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '\n';
    }
}
