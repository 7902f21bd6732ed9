package dev.switchyard.engine.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reading Switchyard's own versioned JSON documents (catalog, price sheet): parse with the
 * hardened mapper, then insist on the right {@code format} and a {@code formatVersion} this build
 * understands, each failure located in the file.
 */
public final class NativeDocument {
    private NativeDocument() {
    }

    /**
     * Parses {@code in} as {@code type}; a parse failure becomes a located {@link ImportException}.
     *
     * @param what what the file should hold, for the empty-file message ("a JSON catalog object")
     */
    public static <T> T parse(InputStream in, String fileName, Class<T> type, String what)
            throws ImportException, IOException {
        T doc;
        try {
            doc = Json.mapper().readValue(in, type);
        } catch (JsonProcessingException e) {
            throw Json.locate(fileName, e);
        }
        if (doc == null) {
            throw new ImportException(SourceLocation.ofFile(fileName), "the file is empty (expected " + what + ")");
        }
        return doc;
    }

    /**
     * Checks the document's {@code format} and {@code formatVersion} fields.
     *
     * @param kind what the document is, for messages ("catalog", "price sheet")
     */
    public static void checkFormat(String fileName, String kind, String expectedFormat, int supportedVersion,
                                   String format, Integer formatVersion) throws ImportException {
        SourceLocation where = SourceLocation.ofFile(fileName);
        if (!expectedFormat.equals(format)) {
            throw new ImportException(where.withField("format"), "expected \"format\": \"" + expectedFormat + "\", found "
                    + (format == null ? "none" : "\"" + format + "\""));
        }
        if (formatVersion == null || formatVersion < 1) {
            throw new ImportException(where.withField("formatVersion"), "missing or invalid formatVersion");
        }
        if (formatVersion > supportedVersion) {
            throw new ImportException(where.withField("formatVersion"), kind + " format version " + formatVersion
                    + " is newer than this Switchyard understands (" + supportedVersion + "); update Switchyard");
        }
    }
}
