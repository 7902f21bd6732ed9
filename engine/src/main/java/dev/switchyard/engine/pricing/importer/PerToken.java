package dev.switchyard.engine.pricing.importer;

import dev.switchyard.engine.io.ImportException;
import dev.switchyard.engine.io.SourceLocation;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchyard.engine.pricing.ModelPrice;
import java.math.BigDecimal;

/** Price values in JSON price lists: type checks, range checks and exact per-token to per-1M scaling. */
final class PerToken {
    private PerToken() {
    }

    /** USD per token as written -> USD per 1M tokens, without binary rounding noise (3e-6 -> 3.0). */
    static double toPer1M(BigDecimal perToken) {
        return perToken.movePointRight(6).doubleValue();
    }

    /** A JSON number >= 0, or null when absent/null. Anything else is a located error. */
    static BigDecimal number(JsonNode node, String name, SourceLocation where) throws ImportException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new ImportException(where, "expected a number, found " + describe(v));
        }
        return checked(decimal(v, where), where);
    }

    /** A price written as a string (OpenRouter) or number. */
    static BigDecimal text(JsonNode v, SourceLocation where) throws ImportException {
        if (v.isNumber()) {
            return checked(decimal(v, where), where);
        }
        if (!v.isTextual()) {
            throw new ImportException(where, "expected a price as a string such as \"0.000003\", found " + describe(v));
        }
        String s = v.asText().strip();
        if (s.isEmpty() || s.length() > 64) {
            throw new ImportException(where, "'" + abbreviate(s) + "' is not a price");
        }
        BigDecimal d;
        try {
            d = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new ImportException(where, "'" + abbreviate(s) + "' is not a number");
        }
        return checked(d, where);
    }

    /** Jackson reads 1e999 as an infinite double, which has no decimal value. */
    private static BigDecimal decimal(JsonNode v, SourceLocation where) throws ImportException {
        if (v.isFloatingPointNumber() && !Double.isFinite(v.doubleValue())) {
            throw new ImportException(where, "price " + abbreviate(v.asText()) + " is out of range");
        }
        return v.decimalValue();
    }

    /** A per-request fee in USD (not per token): a JSON number, or null when absent/null. */
    static BigDecimal feeNumber(JsonNode node, String name, SourceLocation where) throws ImportException {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new ImportException(where, "expected a number, found " + describe(v));
        }
        return checkedFee(decimal(v, where), where);
    }

    /** A per-request fee in USD written as a string or number. */
    static BigDecimal feeText(JsonNode v, SourceLocation where) throws ImportException {
        if (v.isNumber()) {
            return checkedFee(decimal(v, where), where);
        }
        if (!v.isTextual()) {
            throw new ImportException(where, "expected a price as a string such as \"0.005\", found " + describe(v));
        }
        String s = v.asText().strip();
        if (s.isEmpty() || s.length() > 64) {
            throw new ImportException(where, "'" + abbreviate(s) + "' is not a price");
        }
        try {
            return checkedFee(new BigDecimal(s), where);
        } catch (NumberFormatException e) {
            throw new ImportException(where, "'" + abbreviate(s) + "' is not a number");
        }
    }

    private static BigDecimal checked(BigDecimal d, SourceLocation where) throws ImportException {
        inRange(d, where);
        String problem = ModelPrice.priceProblem(toPer1M(d));
        if (problem != null) {
            throw new ImportException(where, "price " + abbreviate(d.toPlainString()) + " USD per token (" + toPer1M(d)
                    + " per 1M) " + problem.replaceFirst(", got .*$", ""));
        }
        return d;
    }

    private static BigDecimal checkedFee(BigDecimal d, SourceLocation where) throws ImportException {
        inRange(d, where);
        String problem = ModelPrice.feeProblem(d.doubleValue());
        if (problem != null) {
            throw new ImportException(where, "request fee " + abbreviate(d.toPlainString()) + " USD "
                    + problem.replaceFirst(", got .*$", ""));
        }
        return d;
    }

    private static void inRange(BigDecimal d, SourceLocation where) throws ImportException {
        if (d.signum() < 0) {
            throw new ImportException(where, "price " + abbreviate(d.toString()) + " is negative");
        }
        if (d.scale() < -300 || d.precision() - d.scale() > 300 || !Double.isFinite(toPer1M(d))) {
            throw new ImportException(where, "price " + abbreviate(d.toString()) + " is out of range");
        }
    }

    static String describe(JsonNode v) {
        String kind = v.isTextual() ? "a string" : v.isBoolean() ? "a boolean" : v.isArray() ? "an array"
                : v.isObject() ? "an object" : v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        String text = v.isContainerNode() ? "" : " " + abbreviate(v.toString());
        return kind + text;
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
