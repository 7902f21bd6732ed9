package dev.switchyard.app.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.io.SourceLocation;

/**
 * An import that failed, located so the user can fix the file: where (file, line, column,
 * field), what, and the offending line itself when it can be read.
 */
public record ImportProblem(String file, long line, long column, String field, String problem, String excerpt) {

    public static ImportProblem of(ImportException e, Path hint) {
        SourceLocation loc = e.location();
        String excerpt = "";
        Path file = resolve(loc.file(), hint);
        if (loc.line() > 0 && file != null) {
            excerpt = readLine(file, loc.line());
        }
        return new ImportProblem(loc.file(), loc.line(), loc.column(), loc.field(), e.problem(), excerpt);
    }

    public static ImportProblem ofOther(Path file, Exception e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ImportProblem(file == null ? "" : file.toString(), 0, 0, null, msg, "");
    }

    /** "orders.csv, line 12, column 4, field 'price'". */
    public String where() {
        return new SourceLocation(file, line, column, field).toString();
    }

    private static Path resolve(String name, Path hint) {
        try {
            Path p = Path.of(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
            if (hint != null && Files.isRegularFile(hint) && hint.getFileName().toString().equals(p.getFileName().toString())) {
                return hint;
            }
        } catch (RuntimeException ignored) {
            // a location that is not a path (e.g. "clipboard") has no excerpt
        }
        return null;
    }

    private static String readLine(Path file, long line) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String s = null;
            for (long i = 1; i <= line; i++) {
                s = r.readLine();
                if (s == null) {
                    return "";
                }
            }
            return s.length() > 300 ? s.substring(0, 300) + "…" : s;
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
