package dev.switchyard.app.common;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

import dev.switchyard.engine.io.AtomicFiles;

/** Saves any chart (or other node) as a PNG. Must be called on the FX thread (snapshot). */
public final class ChartExport {
    private ChartExport() {
    }

    /** Renders the node now; the returned bytes can be written off the FX thread. */
    public static byte[] snapshotPng(Node node) throws IOException {
        WritableImage image = node.snapshot(new SnapshotParameters(), null);
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(buffered, "png", out)) {
            throw new IOException("no PNG writer available");
        }
        return out.toByteArray();
    }

    public static void writePng(byte[] png, Path target) throws IOException {
        AtomicFiles.writeBytes(target, png);
    }

    /** A file name from a chart title: "Spend per month" -> "spend-per-month.png". */
    public static String fileNameFor(String title) {
        String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return (slug.isEmpty() ? "chart" : slug) + ".png";
    }
}
