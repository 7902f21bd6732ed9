package dev.switchyard.engine.cli;

import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.pricing.CostTable;
import dev.switchyard.engine.workspace.WorkspaceException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The CLI's one place for failures that escape a subcommand: every subcommand (including ones
 * added later) gets one line naming the file and the problem, never a stack trace. Exit codes:
 * 2 bad input (picocli's convention: a missing or unreadable file, a folder where a file is
 * expected, a destination that cannot be written, bad option values), 1 a refused or damaged
 * workspace or a failure while running, 3 not supported. {@code SWITCHYARD_DEBUG=1} adds the stack
 * trace for bug reports.
 */
final class CliErrors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    static final int BAD_INPUT = 2;
    static final int FAILED = 1;
    static final int UNSUPPORTED = 3;

    /** "java.nio.file.NoSuchFileException: " and the like: Java class names are not for users. */
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)\\b:?\\s*");

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        Failure f = describe(ex);
        String message = f.message();
        if (rootCause(ex) instanceof IOException io && !(io instanceof FileSystemException)) {
            message = nameThePath(message, cmd.getParseResult());
        }
        err.println(prefix(cmd) + message);
        if (debug()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return f.exitCode();
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        Throwable cause = ex.getCause();
        String message = cause instanceof CommandLine.TypeConversionException || cause == null
                ? ex.getMessage() : describe(cause).message();
        err.println(prefix(cmd) + clean(message));
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
        err.flush();
        return BAD_INPUT;
    }

    record Failure(String message, int exitCode) {
    }

    private static Throwable rootCause(Throwable ex) {
        Throwable t = ex;
        while ((t instanceof UncheckedIOException || t instanceof CommandLine.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * Some JDK reads fail with a bare "Is a directory" that names no file. When exactly one file
     * argument given on the command line fits the problem (a folder, or a missing path), name it.
     */
    static String nameThePath(String message, ParseResult parsed) {
        if (parsed == null) {
            return message;
        }
        List<Path> given = new ArrayList<>();
        for (CommandLine.Model.ArgSpec arg : parsed.matchedArgs()) {
            Object v = arg.getValue();
            if (v instanceof Path p) {
                given.add(p);
            } else if (v instanceof Collection<?> c) {
                c.stream().filter(Path.class::isInstance).map(Path.class::cast).forEach(given::add);
            }
        }
        for (Path p : given) {
            if (message.contains(p.toString())) {
                return message; // already named
            }
        }
        String l = message.toLowerCase(Locale.ROOT);
        List<Path> fits = given.stream().filter(p -> l.contains("is a folder") || l.contains("is a directory")
                ? Files.isDirectory(p) : !Files.isReadable(p)).toList();
        return fits.size() == 1 ? fits.get(0) + ": " + message : message;
    }

    /** The user's sentence and exit code for anything a command can throw. */
    static Failure describe(Throwable ex) {
        Throwable t = ex;
        while ((t instanceof UncheckedIOException || t instanceof CommandLine.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof BadInputException b) {
            return new Failure(clean(b.getMessage()), BAD_INPUT);
        }
        if (t instanceof ImportException i) {
            return new Failure(clean(i.getMessage()), BAD_INPUT);
        }
        if (t instanceof CostTable.UnpricedModelsException u) {
            return new Failure(clean(u.getMessage()), BAD_INPUT);
        }
        if (t instanceof WorkspaceException w) {
            return new Failure(clean(w.getMessage()), w.reason() == WorkspaceException.Reason.NOT_FOUND
                    && w.file() != null && !java.nio.file.Files.exists(w.file()) ? BAD_INPUT : FAILED);
        }
        if (t instanceof IOException io) {
            return new Failure(fileProblem(io), isDiskFull(io) ? FAILED : BAD_INPUT);
        }
        if (t instanceof IllegalArgumentException) {
            return new Failure(clean(t.getMessage()), BAD_INPUT);
        }
        if (t instanceof UnsupportedOperationException) {
            return new Failure(clean(t.getMessage()), UNSUPPORTED);
        }
        if (t instanceof OutOfMemoryError) {
            return new Failure("not enough memory for this run; give Java more (JAVA_OPTS=-Xmx8g) or simulate fewer requests",
                    FAILED);
        }
        String m = t.getMessage();
        return new Failure("internal error" + (m == null || m.isBlank() ? "" : ": " + clean(m))
                + " (this is a bug; SWITCHYARD_DEBUG=1 shows the details for a report)", FAILED);
    }

    /** One line for a file-system failure: the file, then the problem in words. */
    static String fileProblem(IOException e) {
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file or folder";
        }
        if (e instanceof NotDirectoryException n) {
            return n.getFile() + ": part of this path is a file, not a folder";
        }
        if (e instanceof AccessDeniedException a) {
            return a.getFile() + ": permission denied (read-only or not yours)";
        }
        if (e instanceof FileAlreadyExistsException a) {
            return a.getFile() + ": already exists" + (java.nio.file.Files.isDirectory(java.nio.file.Path.of(a.getFile()))
                    ? " and is a folder" : "");
        }
        if (e instanceof DirectoryNotEmptyException d) {
            return d.getFile() + ": is a folder that is not empty";
        }
        if (e instanceof FileSystemException f) {
            String file = f.getOtherFile() != null ? f.getOtherFile() : f.getFile();
            return (file == null ? "" : file + ": ") + reason(f.getReason());
        }
        if (e instanceof FileNotFoundException) {
            String m = e.getMessage() == null ? "file not found" : e.getMessage();
            // FileInputStream says "/path (No such file or directory)"
            java.util.regex.Matcher paren = Pattern.compile("^(.*) \\(([^()]*)\\)$").matcher(m);
            return paren.matches() ? paren.group(1) + ": " + reason(paren.group(2)) : clean(m);
        }
        return e.getMessage() == null ? "could not read or write a file" : reason(e.getMessage());
    }

    private static String reason(String r) {
        if (r == null) {
            return "cannot be read or written";
        }
        String l = r.toLowerCase(Locale.ROOT);
        if (l.contains("is a directory")) {
            return "is a folder, not a file";
        }
        if (l.contains("not a directory")) {
            return "part of this path is a file, not a folder";
        }
        if (l.contains("no space left")) {
            return "the disk is full";
        }
        if (l.contains("read-only file system")) {
            return "the disk or folder is read-only";
        }
        if (l.contains("no such file")) {
            return "no such file or folder";
        }
        if (l.contains("permission denied") || l.contains("operation not permitted")) {
            return "permission denied (read-only or not yours)";
        }
        return clean(r);
    }

    private static boolean isDiskFull(IOException e) {
        String m = e.getMessage();
        return m != null && m.toLowerCase(Locale.ROOT).contains("no space left");
    }

    static String clean(String message) {
        if (message == null) {
            return "failed";
        }
        return CLASS_NAME.matcher(message).replaceAll("").strip();
    }

    private static String prefix(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName() + ": ";
    }

    private static boolean debug() {
        String v = System.getenv("SWITCHYARD_DEBUG");
        return v != null && !v.isBlank() && !"0".equals(v);
    }
}
