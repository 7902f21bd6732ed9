package dev.switchyard.engine.export;

import dev.switchyard.engine.pricing.ModelPrice;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.sim.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {
    @TempDir
    Path dir;

    @Test
    void selfContainedPrintableReportWithSpreadsPricesAndRouterProvenance() throws Exception {
        PriceSheet sheet = new PriceSheet("Vendor list", "2026-06", "provider pages", LocalDate.of(2026, 6, 15),
                LocalDate.of(2026, 6, 1), "USD", Map.of("mini", ModelPrice.flat("mini", 0.1, 0.4),
                "mid", ModelPrice.flat("mid", 1, 4), "max", ModelPrice.flat("max", 10, 40)));
        Scenario s = Scenario.of(LiveRouterRoundTripTest.traffic(), sheet, null, "slarouter")
                .withTarget(0.8).withCalibrationFraction(0)
                .withVolume(new Scenario.Volume(20_000, 0.1, 3, true))
                .withScaling(Scenario.Scaling.exact())
                .withReplications(4);
        s = new Scenario("<script>alert(1)</script> Q3", s.sample(), s.catalog(), s.prices(), s.modelPool(), s.router(),
                s.routerParameters(), s.predictor(), s.textFeatures(), s.sla(), s.feedback(), s.volume(), s.mixShift(),
                s.seed(), s.replications(), s.calibrationFraction(), s.scaling());
        SimulationResult r = Simulator.standard().run(s);
        Path file = dir.resolve("report.html");
        HtmlReport.write(s, r, "plan.switchyard", Instant.parse("2026-11-22T12:00:00Z"), file);
        String html = Files.readString(file);

        assertFalse(html.contains("<script>"), "user text is escaped");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Q3"));
        assertFalse(Pattern.compile("(src|href)=\"(?!data:)").matcher(html).find(), "no external resources");
        assertTrue(html.contains("@media print"));
        assertTrue(html.contains("Reconstructed: reconstructed from the paper"), "SLARouter is labelled as reconstructed");
        assertTrue(html.contains("P10-P90"));
        assertTrue(html.contains("retrieved 2026-06-15, effective from 2026-06-01"), "price sheet dates");
        assertTrue(html.contains("SLA terms"));
        assertTrue(html.contains(HtmlReport.pct(r.meanSatisfaction().mean())));
        Matcher m = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(html);
        int charts = 0;
        while (m.find()) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(1))));
            assertNotNull(img, "each chart is a valid PNG");
            assertEquals(Charts.WIDTH, img.getWidth());
            if (charts == 0) {
                Files.write(dir.resolve("chart0.png"), Base64.getDecoder().decode(m.group(1)));
            }
            charts++;
        }
        assertEquals(4, charts, "spend, satisfaction, model mix and learning trace");
        if (System.getProperty("report.keep") != null) {
            Files.copy(file, Path.of(System.getProperty("report.keep")), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
