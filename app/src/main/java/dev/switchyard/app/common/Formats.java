package dev.switchyard.app.common;

import java.util.Locale;

/** Number formats a product manager reads at a glance: $12.3K, 91.2%, 1.2M requests. */
public final class Formats {
    private Formats() {
    }

    public static String usd(double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        if (v == 0) {
            return "$0";
        }
        double a = Math.abs(v);
        String sign = v < 0 ? "-" : "";
        if (a >= 1e9) {
            return sign + String.format(Locale.ROOT, "$%.2fB", a / 1e9);
        }
        if (a >= 1e6) {
            return sign + String.format(Locale.ROOT, "$%.2fM", a / 1e6);
        }
        if (a >= 1e4) {
            return sign + String.format(Locale.ROOT, "$%.1fK", a / 1e3);
        }
        if (a >= 100) {
            return sign + String.format(Locale.ROOT, "$%,.0f", a);
        }
        if (a >= 1) {
            return sign + String.format(Locale.ROOT, "$%.2f", a);
        }
        return sign + String.format(Locale.ROOT, "$%.4f", a);
    }

    public static String percent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /**
     * {@code fraction} as a percentage next to the {@code target} it is judged against: one decimal, or up to three when
     * one would print a value on the other side of the target as the target itself ("85.0% below its 85.0% target").
     */
    public static String percentAgainst(double fraction, double target) {
        if (!Double.isFinite(fraction) || !Double.isFinite(target) || fraction == target) {
            return percent(fraction);
        }
        for (int decimals = 1; decimals < 3; decimals++) {
            String f = String.format(Locale.ROOT, "%." + decimals + "f", fraction * 100);
            if (!f.equals(String.format(Locale.ROOT, "%." + decimals + "f", target * 100))) {
                return f + "%";
            }
        }
        return String.format(Locale.ROOT, "%.3f%%", fraction * 100);
    }

    public static String points(double fractionDelta) {
        return String.format(Locale.ROOT, "%+.1f pts", fractionDelta * 100);
    }

    public static String count(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "%.2fB", v / 1e9);
        }
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", v / 1e6);
        }
        if (a >= 1e4) {
            return String.format(Locale.ROOT, "%.1fK", v / 1e3);
        }
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** Plain machine-friendly number for copied tables (no currency symbols, dot decimals). */
    public static String plain(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        if (v == 0) {
            return "0";
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", v)).stripTrailingZeros().toPlainString();
    }

    /**
     * A share in a table a person reads: "89.52%" (two decimals, so a copied table keeps the
     * precision a tier breach by 0.3 points needs), never a raw 0.8952.
     */
    public static String tablePercent(double fraction) {
        if (!Double.isFinite(fraction)) {
            return "";
        }
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    /** Dollars in a table whose header says USD: cents, or four decimals below one dollar. */
    public static String tableUsd(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        return Math.abs(v) >= 1 || v == 0 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.4f", v);
    }

    /** "1 price sheet", "2 price sheets". */
    public static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** "250K" -> 250000, "1.5M" -> 1500000, "1,000" -> 1000; throws NumberFormatException otherwise. */
    public static long parseCount(String text) {
        String s = text.strip().replace(",", "").replace("_", "").toUpperCase(Locale.ROOT);
        double mult = 1;
        if (s.endsWith("K")) {
            mult = 1e3;
        } else if (s.endsWith("M")) {
            mult = 1e6;
        } else if (s.endsWith("B")) {
            mult = 1e9;
        }
        if (mult > 1) {
            s = s.substring(0, s.length() - 1);
        }
        double v = Double.parseDouble(s) * mult;
        if (!Double.isFinite(v) || v > Long.MAX_VALUE) {
            throw new NumberFormatException("not a count: " + text);
        }
        return Math.round(v);
    }
}
