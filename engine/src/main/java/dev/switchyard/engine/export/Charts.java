package dev.switchyard.engine.export;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Simple, print-friendly charts drawn with java.awt into PNG bytes, so the engine (and the CLI) can
 * produce a report without JavaFX. Runs headless.
 */
final class Charts {
    static final int WIDTH = 900;
    static final int HEIGHT = 340;
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    private static final Color BAR = new Color(0x2f, 0x6f, 0xb3);
    private static final Color BAR2 = new Color(0xe0, 0x8a, 0x1e);
    private static final Color TARGET = new Color(0xc0, 0x30, 0x30);

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {
    }

    /** One bar with its P10-P90 whisker. */
    record Bar(String label, double mean, double p10, double p90) {
    }

    /**
     * Vertical bars with P10-P90 whiskers, optionally a horizontal target line.
     *
     * @param target NaN for none
     */
    static byte[] bars(String title, List<Bar> bars, DoubleFunction<String> axisFormat, double target, String targetLabel,
                       double floor) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img, title);
        int left = 90;
        int right = WIDTH - 20;
        int top = 45;
        int bottom = HEIGHT - 45;
        double max = Double.isNaN(target) ? 0 : target;
        double min = floor;
        for (Bar b : bars) {
            max = Math.max(max, finite(b.p90(), b.mean()));
            max = Math.max(max, b.mean());
        }
        if (max <= min) {
            max = min + 1;
        }
        max = min + (max - min) * 1.08;
        axis(g, left, right, top, bottom, min, max, axisFormat);
        int n = Math.max(1, bars.size());
        double slot = (right - left) / (double) n;
        int barW = (int) Math.max(4, Math.min(60, slot * 0.6));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        int labelEvery = Math.max(1, (int) Math.ceil(n / ((right - left) / 60.0)));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int cx = (int) (left + slot * (i + 0.5));
            int y = y(b.mean(), min, max, top, bottom);
            g.setColor(BAR);
            g.fillRect(cx - barW / 2, y, barW, bottom - y);
            if (Double.isFinite(b.p10()) && Double.isFinite(b.p90()) && b.p90() > b.p10()) {
                g.setColor(INK);
                int y10 = y(b.p10(), min, max, top, bottom);
                int y90 = y(b.p90(), min, max, top, bottom);
                g.drawLine(cx, y10, cx, y90);
                g.drawLine(cx - 5, y10, cx + 5, y10);
                g.drawLine(cx - 5, y90, cx + 5, y90);
            }
            if (i % labelEvery == 0) {
                g.setColor(INK);
                String l = b.label();
                g.drawString(l, cx - fm.stringWidth(l) / 2, bottom + 16);
            }
        }
        if (!Double.isNaN(target)) {
            int ty = y(target, min, max, top, bottom);
            g.setColor(TARGET);
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f));
            g.drawLine(left, ty, right, ty);
            g.setStroke(new BasicStroke(1f));
            g.drawString(targetLabel, right - fm.stringWidth(targetLabel) - 4, ty - 5);
        }
        legend(g, "bar: mean across replications; whisker: P10-P90", BAR, left, HEIGHT - 10);
        return png(img);
    }

    /** Horizontal paired bars: share of requests and share of spend per model. */
    static byte[] shares(String title, List<String> labels, double[] requestShare, double[] spendShare) {
        int rowH = 34;
        int height = Math.max(140, 70 + rowH * labels.size());
        BufferedImage img = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img, title);
        int left = 220;
        int right = WIDTH - 70;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < labels.size(); i++) {
            int y = 45 + i * rowH;
            g.setColor(INK);
            String l = labels.get(i).length() > 30 ? labels.get(i).substring(0, 29) + "…" : labels.get(i);
            g.drawString(l, left - 10 - fm.stringWidth(l), y + 18);
            int w1 = (int) Math.round((right - left) * clamp(requestShare[i]));
            int w2 = (int) Math.round((right - left) * clamp(spendShare[i]));
            g.setColor(BAR);
            g.fillRect(left, y + 2, Math.max(1, w1), 12);
            g.setColor(BAR2);
            g.fillRect(left, y + 15, Math.max(1, w2), 12);
            g.setColor(INK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            g.drawString(percent(requestShare[i]), left + w1 + 4, y + 12);
            g.drawString(percent(spendShare[i]), left + w2 + 4, y + 26);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        }
        legend(g, "share of requests", BAR, left, height - 10);
        legend(g, "share of spend", BAR2, left + 200, height - 10);
        return png(img);
    }

    /** A line over x, with an optional second line, the y axis kept within [lowest, highest]; used for the learning trace. */
    static byte[] lines(String title, double[] x, double[] y1, String label1, double[] y2, String label2, double target,
                        DoubleFunction<String> xFormat, DoubleFunction<String> yFormat, double lowest, double highest) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = start(img, title);
        int left = 90;
        int right = WIDTH - 20;
        int top = 45;
        int bottom = HEIGHT - 45;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] ys : new double[][] {y1, y2}) {
            if (ys == null) {
                continue;
            }
            for (double v : ys) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (!Double.isNaN(target)) {
            min = Math.min(min, target);
            max = Math.max(max, target);
        }
        if (!Double.isFinite(min)) {
            min = 0;
            max = 1;
        }
        if (max - min < 1e-9) {
            max = min + 1e-3;
        }
        double pad = (max - min) * 0.08;
        min = Math.max(lowest, min - pad); // e.g. a share never goes below 0 or above 1, even if an early estimate does
        max = Math.min(highest, max + pad);
        axis(g, left, right, top, bottom, min, max, yFormat);
        double x0 = x.length == 0 ? 0 : x[0];
        double x1 = x.length == 0 ? 1 : Math.max(x[x.length - 1], x0 + 1);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int t = 0; t <= 4; t++) {
            double xv = x0 + (x1 - x0) * t / 4;
            int px = (int) (left + (right - left) * (xv - x0) / (x1 - x0));
            g.setColor(INK);
            String s = xFormat.apply(xv);
            g.drawString(s, px - g.getFontMetrics().stringWidth(s) / 2, bottom + 16);
        }
        polyline(g, x, y1, x0, x1, min, max, left, right, top, bottom, BAR);
        if (y2 != null) {
            polyline(g, x, y2, x0, x1, min, max, left, right, top, bottom, BAR2);
        }
        if (!Double.isNaN(target)) {
            int ty = y(target, min, max, top, bottom);
            g.setColor(TARGET);
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f));
            g.drawLine(left, ty, right, ty);
            g.setStroke(new BasicStroke(1f));
        }
        legend(g, label1, BAR, left, HEIGHT - 10);
        if (y2 != null) {
            legend(g, label2, BAR2, left + 260, HEIGHT - 10);
        }
        return png(img);
    }

    private static void polyline(Graphics2D g, double[] x, double[] y, double x0, double x1, double min, double max,
                                 int left, int right, int top, int bottom, Color color) {
        g.setColor(color);
        g.setStroke(new BasicStroke(2f));
        int px = -1;
        int py = -1;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(y[i])) {
                px = -1;
                continue;
            }
            int cx = (int) (left + (right - left) * (x[i] - x0) / (x1 - x0));
            int cy = y(y[i], min, max, top, bottom);
            if (px >= 0) {
                g.drawLine(px, py, cx, cy);
            }
            px = cx;
            py = cy;
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static Graphics2D start(BufferedImage img, String title) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(INK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, 16, 24);
        return g;
    }

    private static void axis(Graphics2D g, int left, int right, int top, int bottom, double min, double max,
                             DoubleFunction<String> format) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        for (int t = 0; t <= 4; t++) {
            double v = min + (max - min) * t / 4;
            int y = y(v, min, max, top, bottom);
            g.setColor(GRID);
            g.drawLine(left, y, right, y);
            g.setColor(INK);
            String s = format.apply(v);
            g.drawString(s, left - 8 - fm.stringWidth(s), y + 4);
        }
        g.setColor(INK);
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
    }

    private static void legend(Graphics2D g, String text, Color color, int x, int y) {
        g.setColor(color);
        g.fillRect(x, y - 9, 10, 10);
        g.setColor(INK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(text, x + 15, y);
    }

    private static int y(double v, double min, double max, int top, int bottom) {
        double clamped = Math.max(min, Math.min(max, v));
        return (int) Math.round(bottom - (bottom - top) * (clamped - min) / (max - min));
    }

    private static double finite(double v, double fallback) {
        return Double.isFinite(v) ? v : fallback;
    }

    private static double clamp(double share) {
        return Double.isFinite(share) ? Math.max(0, Math.min(1, share)) : 0;
    }

    static String percent(double share) {
        return Double.isFinite(share) ? String.format(Locale.ROOT, "%.1f%%", share * 100) : "n/a";
    }

    private static byte[] png(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding in memory cannot fail", e);
        }
    }
}
