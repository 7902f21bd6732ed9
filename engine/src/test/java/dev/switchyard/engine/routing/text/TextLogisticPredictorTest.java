package dev.switchyard.engine.routing.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchyard.engine.routing.FeedbackAssumptions;
import dev.switchyard.engine.routing.FeedbackEvent;
import dev.switchyard.engine.routing.FeedbackKind;
import dev.switchyard.engine.routing.Predictor;
import dev.switchyard.engine.routing.RequestView;
import dev.switchyard.engine.routing.Routers;
import dev.switchyard.engine.routing.RoutingContext;
import dev.switchyard.engine.routing.Signal;
import dev.switchyard.engine.routing.offline.SyntheticWorkload;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TextLogisticPredictorTest {
    static SyntheticWorkload w;
    static final int TRAIN = 20_000;

    @BeforeAll
    static void data() {
        w = SyntheticWorkload.generate(30_000, 11);
    }

    /** A reusable feedback event, as the simulator hands them out. */
    static final class Event implements FeedbackEvent {
        RequestView request;
        int model;
        Signal signal;

        @Override public RequestView request() { return request; }
        @Override public int model() { return model; }
        @Override public boolean served() { return true; }
        @Override public Signal signal() { return signal; }
        @Override public double costPaid() { return 0; }
        @Override public double normalisedCostPaid() { return 0; }
        @Override public long delayRequests() { return 0; }
    }

    /** Serves random models on the first TRAIN queries (3 passes) and feeds the feedback to every predictor. */
    static void train(FeedbackKind kind, double q, Predictor... predictors) {
        SplittableRandom rng = new SplittableRandom(3);
        SyntheticWorkload.View v = w.new View();
        Event e = new Event();
        for (int pass = 0; pass < 3; pass++) {
            for (int query = 0; query < TRAIN; query++) {
                int m = rng.nextInt(w.models);
                boolean ok = w.score[query * w.models + m] > 0.5;
                Signal s;
                if (kind == FeedbackKind.FULL) {
                    s = ok ? Signal.SATISFIED : Signal.DISSATISFIED;
                } else {
                    s = !ok && rng.nextDouble() < q ? Signal.REPORT : Signal.SILENCE;
                }
                e.request = v.at(query);
                e.model = m;
                e.signal = s;
                for (Predictor p : predictors) {
                    p.learn(e);
                }
            }
        }
    }

    /** Held-out mean log-loss of {@code p} over all models. */
    static double logLoss(Predictor p) {
        SyntheticWorkload.View v = w.new View();
        double[] out = new double[w.models];
        double loss = 0;
        int n = 0;
        for (int query = TRAIN; query < w.n; query++) {
            p.predict(v.at(query), out);
            for (int m = 0; m < w.models; m++) {
                double pr = Math.min(1 - 1e-6, Math.max(1e-6, out[m]));
                loss -= w.score[query * w.models + m] > 0.5 ? Math.log(pr) : Math.log(1 - pr);
                n++;
            }
        }
        return loss / n;
    }

    /** Held-out AUC for model {@code m} (rank statistic). */
    static double auc(Predictor p, int m) {
        SyntheticWorkload.View v = w.new View();
        double[] out = new double[w.models];
        int n = w.n - TRAIN;
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            p.predict(v.at(TRAIN + i), out);
            s[i] = out[m];
            y[i] = w.score[(TRAIN + i) * w.models + m] > 0.5;
        }
        long pos = 0;
        double wins = 0;
        for (int i = 0; i < n; i++) {
            if (!y[i]) {
                continue;
            }
            pos++;
            for (int j = 0; j < n; j++) {
                if (!y[j]) {
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        return wins / (pos * (double) (n - pos));
    }

    RoutingContext context(FeedbackAssumptions fb) {
        // priors from a small labelled slice, as a catalog would give: per category only
        return w.context(0.9, SyntheticWorkload.range(0, 500), 1, fb).withoutCalibration();
    }

    @Test
    void learnsFromFullFeedbackAndBeatsThePerCategoryEstimate() {
        RoutingContext ctx = context(FeedbackAssumptions.full());
        Predictor text = Routers.standard().predictor(TextLogisticPredictor.NAME).orElseThrow().create(ctx);
        Predictor category = ctx.createPredictor("category");
        double before = logLoss(text);
        train(FeedbackKind.FULL, 1, text, category);
        double lt = logLoss(text);
        double lc = logLoss(category);
        System.out.printf("full feedback: log-loss text %.4f, per-category %.4f (before learning %.4f); AUC model 2: text %.3f, category %.3f%n",
                lt, lc, before, auc(text, 2), auc(category, 2));
        assertTrue(lt < lc - 0.05, "text features carry signal: " + lt + " vs " + lc);
        assertTrue(auc(text, 2) > auc(category, 2) + 0.05);
        assertTrue(lt < before);
    }

    @Test
    void learnsFromOneSidedReportsWithoutDrifting() {
        double q = 0.2;
        RoutingContext ctx = context(new FeedbackAssumptions(FeedbackKind.ONE_SIDED, q, 0));
        TextLogisticPredictor text = TextLogisticPredictor.create(ctx);
        Predictor category = ctx.createPredictor("category");
        train(FeedbackKind.ONE_SIDED, q, text, category);
        double lt = logLoss(text);
        double lc = logLoss(category);
        System.out.printf("one-sided q=0.2: log-loss text %.4f, per-category %.4f; AUC model 2: text %.3f, category %.3f%n",
                lt, lc, auc(text, 2), auc(category, 2));
        assertTrue(lt < lc, "one-sided: " + lt + " vs " + lc);
        assertTrue(auc(text, 2) > auc(category, 2) + 0.03);
        // unbiased labels: the mean prediction per model stays near the truth (no optimism creeping in)
        SyntheticWorkload.View v = w.new View();
        double[] out = new double[w.models];
        double[] mean = new double[w.models];
        for (int query = TRAIN; query < w.n; query++) {
            text.predict(v.at(query), out);
            for (int m = 0; m < w.models; m++) {
                mean[m] += out[m] / (w.n - TRAIN);
            }
        }
        double[] truth = w.meanScores(SyntheticWorkload.range(TRAIN, w.n));
        for (int m = 0; m < w.models; m++) {
            assertEquals(truth[m], mean[m], 0.05, "model " + m);
        }
    }

    @Test
    void oneSidedLabelIsTheUnbiasedTransform() {
        RoutingContext ctx = context(new FeedbackAssumptions(FeedbackKind.ONE_SIDED, 0.25, 0.05));
        TextLogisticPredictor p = TextLogisticPredictor.create(ctx);
        // y = 1 - (r - f)/(q - f)
        assertEquals(1 - 0.95 / 0.2, p.oneSidedLabel(true), 1e-12);
        assertEquals(1 + 0.05 / 0.2, p.oneSidedLabel(false), 1e-12);
        // E[y] = s: with s = 0, reports come with rate q; with s = 1, with rate f
        assertEquals(0.0, 0.25 * p.oneSidedLabel(true) + 0.75 * p.oneSidedLabel(false), 1e-12);
        assertEquals(1.0, 0.05 * p.oneSidedLabel(true) + 0.95 * p.oneSidedLabel(false), 1e-12);
        TextLogisticPredictor full = TextLogisticPredictor.create(context(FeedbackAssumptions.full()));
        assertThrows(IllegalStateException.class, () -> full.oneSidedLabel(true));
    }

    @Test
    void startsAtThePriorAndReportsCellEstimates() {
        RoutingContext ctx = context(FeedbackAssumptions.full());
        TextLogisticPredictor text = TextLogisticPredictor.create(ctx);
        double[] out = new double[w.models];
        text.predict(w.new View().at(0), out);
        for (int m = 0; m < w.models; m++) {
            double prior = Math.min(0.99, Math.max(0.01, ctx.priors().mean(w.category[0], m)));
            assertEquals(prior, out[m], 2e-6); // the table sigmoid is exact to 2e-6
        }
        assertEquals(SyntheticWorkload.CATEGORIES.size() * w.models, text.estimates().size());
    }
}
