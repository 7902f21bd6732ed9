package dev.switchyard.engine.io;

import java.util.Objects;

/**
 * Where in an input something was found. Line and column are 1-based; 0 means unknown.
 * {@code field} names a JSON path or CSV column when that is more useful than a column number.
 */
public record SourceLocation(String file, long line, long column, String field) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0 (0 = unknown)");
        }
    }

    public static SourceLocation ofFile(String file) {
        return new SourceLocation(file, 0, 0, null);
    }

    public static SourceLocation at(String file, long line, long column) {
        return new SourceLocation(file, line, column, null);
    }

    public static SourceLocation atField(String file, long line, long column, String field) {
        return new SourceLocation(file, line, column, field);
    }

    public SourceLocation withField(String newField) {
        return new SourceLocation(file, line, column, newField);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(", line ").append(line);
            if (column > 0) {
                sb.append(", column ").append(column);
            }
        }
        if (field != null && !field.isEmpty()) {
            sb.append(", field '").append(field).append('\'');
        }
        return sb.toString();
    }
}
