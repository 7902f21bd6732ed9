package dev.switchyard.engine.io;

/**
 * How a CSV file separates fields and writes decimals. By default the delimiter is detected per
 * file (an Excel {@code sep=} first line, else the most frequent of comma, semicolon and tab in the
 * header) and decimals use a point; a European export (semicolons and decimal commas) needs
 * {@code decimalComma}, which only the user can vouch for ("1,500" is a thousand and a half or one
 * and a half).
 *
 * @param delimiter the field delimiter, or null to detect it
 * @param decimalComma numbers are written with a decimal comma ({@code 0,75}); a comma-delimited
 *     file cannot have them (the reader says so, located)
 */
public record CsvDialect(Character delimiter, boolean decimalComma) {
    public static final CsvDialect AUTO = new CsvDialect(null, false);

    public CsvDialect {
        if (delimiter != null && (delimiter == '"' || delimiter == '\n' || delimiter == '\r')) {
            throw new IllegalArgumentException("a CSV delimiter cannot be a quote or a line break");
        }
    }

    /** Parses a command-line delimiter: one character, or the words/escapes for tab. */
    public static Character parseDelimiter(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String t = text.strip();
        if (t.equals("\\t") || t.equalsIgnoreCase("tab") || text.equals("\t")) {
            return '\t';
        }
        if (t.equalsIgnoreCase("auto")) {
            return null;
        }
        if (t.length() != 1) {
            throw new IllegalArgumentException("--delimiter must be one character such as ';' or ',' (or 'tab'), got '" + text + "'");
        }
        return t.charAt(0);
    }

    /** Names a delimiter for messages. */
    public static String describe(char delimiter) {
        return switch (delimiter) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '\t' -> "tab";
            case '|' -> "pipe";
            default -> "'" + delimiter + "'";
        };
    }
}
