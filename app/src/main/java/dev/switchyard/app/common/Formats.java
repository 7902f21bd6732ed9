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
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
