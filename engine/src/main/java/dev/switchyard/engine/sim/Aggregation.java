package dev.switchyard.engine.sim;

import dev.switchyard.engine.EngineInfo;
import dev.switchyard.engine.routing.RouterDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Turns replications into a {@link SimulationResult}: means and P10-P90 across replications. */
final class Aggregation {
    private Aggregation() {
    }

    static SimulationResult aggregate(PreparedScenario p, Scenario s, RouterDescriptor d, List<ReplicationResult> reps) {
        return aggregate(p, s, d, reps, "as asked: " + reps.size() + " replication(s)");
    }

    static SimulationResult aggregate(PreparedScenario p, Scenario s, RouterDescriptor d, List<ReplicationResult> reps,
            String replicationStop) {
        double tau = s.sla().target();
        List<String> models = p.models;
        int m = models.size();
        ReplicationResult first = reps.get(0);
        boolean scaled = first.simulatedRequests() < first.representedRequests();
        String note = scaled
                ? String.format(java.util.Locale.ROOT,
                        "scaled: the first %d days are simulated request by request; after that at most %,d requests per month are"
                                + " simulated and weighted up to the month's volume (%,d of %,d requests simulated). Sampling error"
                                + " (1 s.e.) of mean satisfaction and total cost is reported.",
                        Math.min(s.scaling().exactDays(), s.volume().months() * 30), s.scaling().maxSimulatedPerMonth(),
                        first.simulatedRequests(), first.representedRequests())
                : "exact: every request simulated";
        Spread cpr = spread(reps, ReplicationResult::costPerRequest);
        List<SimulationResult.MonthStats> months = new ArrayList<>();
        for (int mo = 0; mo < s.volume().months(); mo++) {
            int month = mo;
            double breaches = 0;
            double[] mm = new double[m];
            boolean exactMonth = true;
            for (ReplicationResult r : reps) {
                if (r.monthRequests()[month] > 0 && r.monthSatisfaction(month) < tau - 1e-12) {
                    breaches++;
                }
                for (int j = 0; j < m; j++) {
                    mm[j] += r.monthModelRequests()[month * m + j];
                }
                exactMonth &= !(r.monthSatisfactionSd()[month] > 0);
            }
            double[] prob = values(reps, r -> r.monthBreachProbability()[month]);
            Interval breachInterval = probabilityInterval(prob, exactMonth ? prob.length : 0);
            Spread satisfaction = exactMonth ? spread(reps, r -> r.monthSatisfaction(month))
                    : realVolumeSpread(values(reps, r -> r.monthExpectedSatisfaction()[month]),
                            values(reps, r -> r.monthSatisfactionSd()[month]));
            months.add(new SimulationResult.MonthStats(month + 1, first.monthRequests()[month],
                    spread(reps, r -> r.monthCost()[month]), satisfaction, breachInterval.estimate(),
                    Simulator.shares(models, mm, 0), breachInterval, breaches / reps.size()));
        }
        List<SimulationResult.ModelStats> modelStats = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            int model = j;
            modelStats.add(new SimulationResult.ModelStats(models.get(j),
                    spread(reps, r -> r.modelRequests()[model] / r.representedRequests()),
                    spread(reps, r -> r.totalCost() == 0 ? 0 : r.modelCost()[model] / r.totalCost())));
        }
        List<SimulationResult.CategoryStats> categories = new ArrayList<>();
        int cats = p.sample.categories().size();
        for (int c = 0; c < cats; c++) {
            int cat = c;
            double share = 0;
            double[] cm = new double[m];
            for (ReplicationResult r : reps) {
                share += r.categoryRequests()[cat] / r.representedRequests();
                for (int j = 0; j < m; j++) {
                    cm[j] += r.categoryModelRequests()[cat * m + j];
                }
            }
            categories.add(new SimulationResult.CategoryStats(p.sample.categories().get(c), share / reps.size(),
                    spread(reps, r -> ratio(r.categorySatisfied()[cat], r.categoryRequests()[cat])),
                    spread(reps, r -> ratio(r.categoryCost()[cat], r.categoryRequests()[cat])), Simulator.shares(models, cm, 0)));
        }
        List<SimulationResult.TierStats> tiers = new ArrayList<>();
        int tierCount = p.sample.hasSlaTiers() ? p.sample.slaTiers().size() : 0;
        for (int t = 0; t < tierCount; t++) {
            int tier = t;
            double share = 0;
            for (ReplicationResult r : reps) {
                share += r.tierRequests()[tier] / r.representedRequests();
            }
            tiers.add(new SimulationResult.TierStats(p.sample.slaTiers().get(t), share / reps.size(),
                    spread(reps, r -> ratio(r.tierSatisfied()[tier], r.tierRequests()[tier])),
                    spread(reps, r -> ratio(r.tierCost()[tier], r.tierRequests()[tier])),
                    spread(reps, r -> r.tierDays()[tier] == 0 ? Double.NaN : (double) r.tierDaysMet()[tier] / r.tierDays()[tier])));
        }
        long compliant = reps.stream().filter(r -> r.meanSatisfaction() >= tau - 1e-12).count();
        Map<String, String> params = new LinkedHashMap<>(s.routerParameters().resolve(d).values());
        SimulationResult.ScenarioInfo info = new SimulationResult.ScenarioInfo(s.name(), s.sample().name(), s.sample().size(),
                p.rows, p.calibration.map(c -> c.size()).orElse(0), models, p.costBasis, p.priors.source(), s.router(), params,
                s.predictor(), tau, s.sla().window().name().toLowerCase(java.util.Locale.ROOT), s.sla().windowRequests(),
                s.feedback().kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), s.feedback().rate(),
                s.feedback().falseReportRate(), s.feedback().delayRequests(), s.feedback().assumptions().assumedRate(),
                s.volume().requestsPerMonth(), s.volume().monthlyGrowth(), s.volume().months(), s.mixShift() != null,
                s.replications(), s.calibrationFraction(), s.scaling().exactDays(), s.scaling().maxSimulatedPerMonth());
        // P(breached month): every (replication, month) cell is a probability; exact months' cells are 0 or 1
        int indicatorCells = 0;
        for (ReplicationResult r : reps) {
            for (double sd : r.monthSatisfactionSd()) {
                if (!(sd > 0)) {
                    indicatorCells++;
                }
            }
        }
        double[] repBreach = values(reps, ReplicationResult::breachProbability);
        Interval breach = probabilityInterval(repBreach, indicatorCells);
        double[] repWindows = values(reps, r -> r.scenarioWindows().share());
        int judgedWindows = reps.stream().mapToInt(r -> r.scenarioWindows().judged()).sum();
        Interval windowInterval = Interval.studentT(repWindows);
        windowInterval = windowInterval.union(Interval.wilson(windowInterval.estimate(), judgedWindows)).clip(0, 1);
        Interval savingsInterval = Interval.studentT(values(reps,
                r -> r.bestFixedCost() == 0 ? Double.NaN : 1 - r.totalCost() / r.bestFixedCost()));
        double repeat = RequestStream.repeatFactor(first.simulatedRequests(), p.rows);
        List<String> warnings = warnings(s, d, reps, repeat);
        return new SimulationResult(EngineInfo.version(), s.seed(), info, d, d.isBound(), scaled, note,
                first.representedRequests(), first.simulatedRequests(), p.bestFixedModel(),
                spread(reps, ReplicationResult::meanSatisfaction), spread(reps, ReplicationResult::estimatedSatisfaction),
                spread(reps, ReplicationResult::totalCost), cpr, spread(reps, r -> 1000 * r.costPerRequest()),
                spread(reps, r -> ratio(r.explorationCost(), r.totalCost())),
                spread(reps, r -> r.bestFixedCost() == 0 ? Double.NaN : 1 - r.totalCost() / r.bestFixedCost()),
                spread(reps, r -> ratio(r.totalCost(), r.slaOracleCost())),
                spread(reps, r -> r.slaOracleCost() / r.representedRequests()),
                spread(reps, r -> r.meanSatisfaction() - tau),
                compliant == reps.size(), (double) compliant / reps.size(),
                spread(reps, r -> r.scenarioWindows().share()), spread(reps, r -> r.scenarioWindows().worst()),
                spread(reps, r -> r.daily().share()), spread(reps, r -> r.weekly().share()), spread(reps, r -> r.monthly().share()),
                spread(reps, r -> r.firstRequestStayingAbove() < 0 ? Double.NaN : r.firstRequestStayingAbove()),
                spread(reps, ReplicationResult::satisfactionStdErr), spread(reps, ReplicationResult::totalCostStdErr),
                months, modelStats, categories, tiers, first.trace(), first.state(), List.copyOf(reps),
                p.cheapestMeetingTargetModel(tau),
                spread(reps, r -> Double.isNaN(r.cheapestMeetingTargetCost()) || r.cheapestMeetingTargetCost() == 0 ? Double.NaN
                        : 1 - r.totalCost() / r.cheapestMeetingTargetCost()),
                spread(reps, r -> r.totalCost() / s.volume().months()), merged(s.warnings(), warnings),
                spread(reps, r -> r.scenarioWindows().partialMean()),
                breach.estimate(), breach, windowInterval, savingsInterval, repeat, replicationStop,
                LatencyStats.aggregate(s, p.sample.hasSlaTiers() ? p.sample.slaTiers().values() : List.of(), reps.stream().map(ReplicationResult::latency).toList(),
                        RateLimiter.withNotes(p.latencyModel().notes(), p, s.catalog())));
    }

    /**
     * 90% interval of a mean probability: Student t over the independent replications, widened to the Wilson
     * interval over the cells that are 0/1 outcomes (exact months or windows), where the t interval alone would
     * collapse to a point when every replication agrees (decision 0900).
     */
    static Interval probabilityInterval(double[] perReplication, int indicatorCells) {
        Interval t = Interval.studentT(perReplication);
        if (indicatorCells > 0) {
            t = t.union(Interval.wilson(t.estimate(), indicatorCells));
        }
        return t.clip(0, 1);
    }

    /** Mean of the replications' figures, and P10/P90 of their real-volume distributions taken together. */
    static Spread realVolumeSpread(double[] means, double[] sds) {
        double mean = 0;
        int n = 0;
        for (double x : means) {
            if (!Double.isNaN(x)) {
                mean += x;
                n++;
            }
        }
        if (n == 0) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN);
        }
        return new Spread(mean / n, RealVolume.mixtureQuantile(means, sds, 0.10), RealVolume.mixtureQuantile(means, sds, 0.90));
    }

    private static List<String> warnings(Scenario s, RouterDescriptor d, List<ReplicationResult> reps, double repeat) {
        List<String> out = new ArrayList<>();
        // an online text predictor learns from the stream itself, so repeated prompts flatter it; offline routers
        // train on the calibration split, which the stream never draws from
        boolean text = !Simulator.rowBlind(s, d) && !d.isBound() && d.role() != RouterDescriptor.Role.OFFLINE;
        if (text && repeat > 2) {
            out.add(String.format(java.util.Locale.ROOT, "optimistic: the text predictor saw each query %.1f times on average"
                    + " (repeat factor above 2); on fresh traffic it cannot memorise prompts, so expect lower satisfaction"
                    + " or higher cost", repeat));
        }
        int limited = reps.stream().mapToInt(ReplicationResult::limitedMonths).sum();
        if (limited > 0) {
            out.add(String.format(java.util.Locale.ROOT, "%d of %d scaled month(s) hold too few simulated requests for the"
                    + " expected scores to be sharp against a month's real spread; their breach probability leans towards"
                    + " 50%%: simulate more requests per month", limited, reps.size() * s.volume().months()));
        }
        int unjudged = reps.stream().mapToInt(r -> r.scenarioWindows().unjudged()).sum();
        if (unjudged > 0) {
            out.add(String.format(java.util.Locale.ROOT, "%d SLA window(s) held too few simulated requests to judge and are"
                    + " left out of window compliance", unjudged));
        }
        return List.copyOf(out);
    }

    private static List<String> merged(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static double[] values(List<ReplicationResult> reps, ToDoubleFunction<ReplicationResult> f) {
        double[] v = new double[reps.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(reps.get(i));
        }
        return v;
    }

    private static double ratio(double a, double b) {
        return b == 0 ? Double.NaN : a / b;
    }

    static Spread spread(List<ReplicationResult> reps, ToDoubleFunction<ReplicationResult> f) {
        double[] v = new double[reps.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(reps.get(i));
        }
        return Spread.of(v);
    }
}
