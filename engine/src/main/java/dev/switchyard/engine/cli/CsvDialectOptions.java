package dev.switchyard.engine.cli;

import dev.switchyard.engine.io.CsvDialect;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --delimiter} and {@code --decimal-comma} for every command that reads traffic or price CSVs. */
final class CsvDialectOptions {
    @Option(names = "--delimiter", paramLabel = "CHAR", converter = DelimiterConverter.class,
            description = "Field delimiter of the CSV traffic and price files, e.g. ';' or tab (default: detected per file).")
    Character delimiter;

    @Option(names = "--decimal-comma",
            description = "Numbers in the CSV files use a decimal comma (0,75), as European exports do; with --delimiter ';'.")
    boolean decimalComma;

    CsvDialect dialect() {
        return new CsvDialect(delimiter, decimalComma);
    }

    static final class DelimiterConverter implements ITypeConverter<Character> {
        @Override
        public Character convert(String value) {
            try {
                return CsvDialect.parseDelimiter(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
