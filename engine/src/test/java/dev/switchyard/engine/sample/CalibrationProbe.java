package dev.switchyard.engine.sample;

import java.util.Locale;

/** Scratch: prints realised statistics for tuning (not a test). */
public class CalibrationProbe {
    public static void main(String[] args) throws Exception {
        var gen = SampleDataGenerator.generate(SampleDataGenerator.Parameters.defaults());
        for (var t : gen.traffic()) {
            var st = SampleStatistics.of(t.sample(), gen.catalog(), gen.priceSheets());
            System.out.printf(Locale.ROOT, "== %s ceiling=%.3f n=%d best=%s %.3f oracle=%.3f catBest=%.3f smallOracle=%.2f wkend=%.2f office=%.2f%n",
                    st.sample(), gen.expectedCeiling().get(t.name()), st.queries(), st.bestFixedModel(), st.bestFixedScore(), st.oracleScore(), st.categoryBestScore(),
                    st.oracleSmallModelShare(), st.weekendShare(), st.officeHoursShare());
            for (var c : st.categories()) {
                System.out.printf(Locale.ROOT, "%-15s n=%5d best=%.3f worst=%.3f all=%.3f none=%.3f oracle=%.3f in=%.0f out0=%.0f%n",
                        c.name(), c.queries(), c.best(), c.worst(), c.allRightShare(), c.noneRightShare(), c.oracleScore(),
                        c.meanInputTokens(), c.meanOutputTokens()[0]);
            }
            for (var e : st.costPer1kBySheet().entrySet()) {
                StringBuilder sb = new StringBuilder(e.getKey());
                for (double v : e.getValue()) sb.append(String.format(Locale.ROOT, " %.3f", v));
                System.out.println(sb);
            }
        }
    }
}
