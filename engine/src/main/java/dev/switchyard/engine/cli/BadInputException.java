package dev.switchyard.engine.cli;

import java.nio.file.Path;

/**
 * Bad input from the user (a file that is missing, a folder where a file is expected, a
 * destination that cannot be written...). Any subcommand may throw it from {@code call()}; the
 * CLI's one execution-exception handler ({@link CliErrors}) prints the message as one line and
 * exits with 2, picocli's convention for bad input. Never shown with a stack trace.
 */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "{@code FILE}: {@code problem}", the shape every file error has. */
    public static BadInputException of(Path file, String problem) {
        return new BadInputException(file + ": " + problem);
    }
}
