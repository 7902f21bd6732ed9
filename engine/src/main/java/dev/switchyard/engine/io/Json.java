package dev.switchyard.engine.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one place Switchyard configures Jackson. Reading is hardened against hostile files (depth,
 * string and number limits; no default typing, ever); writing is deterministic (sorted map keys,
 * ISO dates) so the same data gives the same bytes.
 */
public final class Json {
    /** Deeper nesting than any legitimate price sheet or config; stops JSON bombs early. */
    public static final int MAX_NESTING_DEPTH = 64;
    public static final int MAX_STRING_LENGTH = 20_000_000;
    public static final int MAX_NUMBER_LENGTH = 64;
    public static final long MAX_DOCUMENT_LENGTH = 512L * 1024 * 1024;

    private static final ObjectMapper MAPPER = build();

    private Json() {
    }

    /** A shared, thread-safe mapper. Do not reconfigure it; ask for a copy if you must. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper build() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                        .build())
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                // "2.5" is not 2.5: a price typed as text is a wrong type, not a value
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                // "\n" on every OS, so the same data gives the same bytes on Windows too
                .defaultPrettyPrinter(new DefaultPrettyPrinter()
                        .withObjectIndenter(new DefaultIndenter("  ", "\n")))
                .build();
    }

    /** "prices[3].inputPer1M" rather than Jackson's class-qualified reference chain. */
    public static String readablePath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /**
     * Jackson's message in the user's terms: the JSON type that was expected and found, never a
     * Java or Jackson class name (users edit JSON, not classes).
     */
    static String plainMessage(JsonProcessingException e, String message) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            StringBuilder sb = new StringBuilder("unknown field '").append(u.getPropertyName()).append('\'');
            if (u.getKnownPropertyIds() != null && !u.getKnownPropertyIds().isEmpty() && u.getKnownPropertyIds().size() <= 30) {
                java.util.List<String> known = new java.util.ArrayList<>();
                u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
                java.util.Collections.sort(known);
                sb.append(" (known fields here: ").append(String.join(", ", known)).append(')');
            }
            return sb.toString();
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f && f.getTargetType() != null) {
            return "'" + f.getValue() + "' is not " + jsonType(f.getTargetType());
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mi && mi.getTargetType() != null
                && (message.startsWith("Cannot deserialize") || message.startsWith("Cannot coerce")
                        || message.startsWith("Cannot construct instance"))) {
            java.util.regex.Matcher found = java.util.regex.Pattern.compile("from (String|Array|Object|Integer|Floating-point|Boolean|Null)"
                    + "|(String|Array|Object|Integer|Floating-point|Boolean) value").matcher(message);
            String what = found.find() ? (found.group(1) != null ? found.group(1) : found.group(2)) : null;
            return "expected " + jsonType(mi.getTargetType()) + (what == null ? "" : ", found " + foundName(what));
        }
        return scrub(message);
    }

    /** Removes class names from a message Jackson wrote. */
    static String scrub(String message) {
        String m = message.replaceAll("\\s*\\((class|token|but might|for Object|through reference)[^)]*\\)", "");
        java.util.regex.Matcher c = java.util.regex.Pattern.compile("`([\\w.$\\[\\]<>, ]+)`").matcher(m);
        StringBuilder sb = new StringBuilder();
        while (c.find()) {
            c.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(typeWord(c.group(1))));
        }
        c.appendTail(sb);
        return sb.toString().replaceAll("(?:com\\.fasterxml|java|javax|dev\\.switchyard)(?:\\.[\\w$]+)+", "a value")
                .replace("JsonToken.", "").replace("Jackson", "the JSON reader");
    }

    private static String typeWord(String javaName) {
        String simple = javaName.substring(javaName.lastIndexOf('.') + 1);
        int dollar = simple.lastIndexOf('$');
        simple = dollar >= 0 ? simple.substring(dollar + 1) : simple;
        return switch (simple) {
            case "Double", "double", "Float", "float", "BigDecimal" -> "a number";
            case "Integer", "int", "Long", "long", "Short", "BigInteger" -> "a whole number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "a string";
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "Instant", "OffsetDateTime" -> "a timestamp (ISO-8601)";
            default -> simple.startsWith("List") || simple.startsWith("ArrayList") || simple.endsWith("[]") || simple.startsWith("Set")
                    ? "a list" : simple.startsWith("Map") || simple.startsWith("LinkedHashMap") ? "an object" : "an object";
        };
    }

    private static String jsonType(Class<?> type) {
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isEnum()) {
            java.util.List<String> names = new java.util.ArrayList<>();
            for (Object o : type.getEnumConstants()) {
                names.add(String.valueOf(o));
            }
            return "one of " + String.join(", ", names);
        }
        return typeWord(type.getName());
    }

    private static String foundName(String jackson) {
        return switch (jackson) {
            case "String" -> "a string";
            case "Array" -> "a list";
            case "Object" -> "an object";
            case "Integer", "Floating-point" -> "a number";
            case "Boolean" -> "true or false";
            default -> "null";
        };
    }

    /**
     * Turns a Jackson failure into a located import error: file, line, column and the JSON path
     * of the offending field when Jackson knows it.
     */
    public static ImportException locate(String file, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        long line = loc == null || loc.getLineNr() < 0 ? 0 : loc.getLineNr();
        long column = loc == null || loc.getColumnNr() < 0 ? 0 : loc.getColumnNr();
        String field = null;
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            field = readablePath(m);
        }
        String message = e.getOriginalMessage();
        // A record's compact constructor rejected the value: its message is the one a user can act on.
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            message = cause.getMessage();
        }
        if (message == null || message.isBlank()) {
            message = "the JSON could not be read here";
        }
        boolean fromRecord = cause instanceof IllegalArgumentException && cause.getMessage() != null;
        if (!fromRecord) {
            message = plainMessage(e, message);
        }
        return new ImportException(new SourceLocation(file, line, column, field), message, e);
    }
}
