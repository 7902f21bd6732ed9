package dev.switchyard.engine.plan;

import dev.switchyard.engine.catalog.ModelInfo;
import dev.switchyard.engine.pricing.CostTable;
import dev.switchyard.engine.pricing.PriceSheet;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.routing.Routers;
import dev.switchyard.engine.sim.PreparedScenario;
import dev.switchyard.engine.sim.Preparations;
import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;
import dev.switchyard.engine.sim.SimulationResult;
import dev.switchyard.engine.sim.Simulator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Simulates a scenario with price and catalog changes on its timeline (decision 0701).
 *
 * <p>Price changes (a provider's -30%, a second sheet from its effective month) switch the cost
 * of every request at the month boundary; the router keeps running and sees the new costs, as a
 * deployed router whose price table is updated would. A pool change (a model joins, or leaves at
 * its deprecation date) is a re-deployment: the horizon is cut at that month into stretches, each
 * simulated with the pool available then (offline routers retrained on it, online routers starting
 * afresh), and the stretches are joined end to end. Every stretch derives its seed from the
 * scenario's, so all routers still face the same requests.
 */
final class TimelineSimulation {
    private final Routers registry;
    private final Map<PlanKey, Plan> plans = Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<PlanKey, Plan> eldest) {
            return size() > 6;
        }
    });

    TimelineSimulation(Routers registry) {
        this.registry = registry;
    }

    private record PlanKey(Scenario base, List<TimelineEvent> events) {
    }

    /** One stretch of months with one pool: its scenario template (router and target replaced per run) and preparation. */
    record Stretch(int firstMonth, int months, Scenario template, PreparedScenario prepared) {
    }

    record Plan(List<Stretch> stretches) {
    }

    void clear() {
        plans.clear();
    }

    Plan prepare(Scenario base, List<TimelineEvent> events) throws CostTable.UnpricedModelsException {
        PlanKey key = new PlanKey(RunBook.keyOf(base), List.copyOf(events));
        Plan hit = plans.get(key);
        if (hit != null) {
            return hit;
        }
        Plan plan = build(base, events);
        plans.put(key, plan);
        return plan;
    }

    Outcome run(Scenario base, List<TimelineEvent> events, String router, RouterParameters params, double aim, RunControl control) {
        return run(base, events, router, params, aim, 0, base.replications(), control);
    }

    /** Replications {@code [from, to)} only (the same numbers a full run gives for them). */
    Outcome run(Scenario base, List<TimelineEvent> events, String router, RouterParameters params, double aim, int from, int to,
            RunControl control) {
        Plan plan;
        try {
            plan = prepare(base, events);
        } catch (CostTable.UnpricedModelsException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Simulator sim = new Simulator(registry, 1);
        List<SimulationResult> parts = new ArrayList<>();
        for (Stretch st : plan.stretches()) {
            Scenario s = st.template().withRouter(router, params).withTarget(aim);
            parts.add(sim.runReplications(st.prepared(), s, from, to, control));
        }
        return Outcome.join(parts);
    }

    private Plan build(Scenario base, List<TimelineEvent> events) throws CostTable.UnpricedModelsException {
        int months = base.volume().months();
        List<String> basePool = base.pool();
        for (TimelineEvent e : events) {
            if (e.fromMonth() > months) {
                throw new IllegalArgumentException("'" + e.describe() + "' is after the " + months + "-month horizon");
            }
            String model = e instanceof TimelineEvent.ModelJoins j ? j.model() : e instanceof TimelineEvent.ModelLeaves l ? l.model() : null;
            if (model != null && !basePool.contains(model)) {
                throw new IllegalArgumentException("'" + e.describe() + "': " + model + " is not among the scenario's models "
                        + basePool);
            }
        }
        // pool-change months cut the horizon into stretches
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(0);
        for (TimelineEvent e : events) {
            if ((e instanceof TimelineEvent.ModelJoins || e instanceof TimelineEvent.ModelLeaves) && e.fromMonth() - 1 > 0) {
                cuts.add(e.fromMonth() - 1);
            }
        }
        List<Integer> starts = new ArrayList<>(cuts);
        List<Stretch> stretches = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int first = starts.get(k);
            int end = k + 1 < starts.size() ? starts.get(k + 1) : months;
            List<String> pool = new ArrayList<>();
            for (String m : basePool) {
                if (available(m, first, events)) {
                    pool.add(m);
                }
            }
            if (pool.isEmpty()) {
                throw new IllegalArgumentException("from month " + (first + 1) + " no model is left in the pool");
            }
            Scenario.Volume v = base.volume();
            Scenario.Volume sv = new Scenario.Volume(Math.max(1, v.requestsInMonth(first)), v.monthlyGrowth(), end - first,
                    v.dailyRhythm());
            long seed = k == 0 ? base.seed() : base.seed() ^ (0x9E3779B97F4A7C15L * (first + 1));
            Scenario template = base.withModelPool(pool.size() == base.sample().models().size() && base.modelPool().isEmpty()
                    ? List.of() : pool).withVolume(sv).withSeed(seed);
            // without price events the preparation stays as built: share it with every scenario that prepares the same
            // (a slider move re-asks the planner; offline routers' training is remembered on it, decision 1010)
            boolean pricesChange = events.stream().anyMatch(e -> e instanceof TimelineEvent.PriceChange
                    || e instanceof TimelineEvent.PriceSheetFrom);
            PreparedScenario prepared = pricesChange ? PreparedScenario.of(template) : Preparations.shared(template);
            addPriceEpochs(template, prepared, first, end, events);
            stretches.add(new Stretch(first, end - first, template, prepared));
        }
        return new Plan(stretches);
    }

    private static boolean available(String model, int month, List<TimelineEvent> events) {
        boolean joinsLater = false;
        for (TimelineEvent e : events) {
            if (e instanceof TimelineEvent.ModelJoins j && j.model().equals(model) && month < j.fromMonth() - 1) {
                joinsLater = true;
            }
            if (e instanceof TimelineEvent.ModelLeaves l && l.model().equals(model) && month >= l.fromMonth() - 1) {
                return false;
            }
        }
        return !joinsLater;
    }

    /** Price events inside [first, end): one cost epoch per month where the prices change. */
    static void addPriceEpochs(Scenario template, PreparedScenario prepared, int first, int end, List<TimelineEvent> events)
            throws CostTable.UnpricedModelsException {
        TreeSet<Integer> changeMonths = new TreeSet<>();
        for (TimelineEvent e : events) {
            if (e instanceof TimelineEvent.PriceChange || e instanceof TimelineEvent.PriceSheetFrom) {
                int m0 = e.fromMonth() - 1;
                changeMonths.add(Math.max(first, Math.min(m0, end)));
            }
        }
        changeMonths.remove(end);
        Map<PriceSheet, PreparedScenario> bySheet = new LinkedHashMap<>();
        List<String> pool = prepared.models();
        for (int month : changeMonths) {
            PriceSheet sheet = null;
            int sheetFrom = -1;
            double[] factor = new double[pool.size()];
            java.util.Arrays.fill(factor, 1.0);
            for (TimelineEvent e : events) {
                int m0 = e.fromMonth() - 1;
                if (m0 > month) {
                    continue;
                }
                if (e instanceof TimelineEvent.PriceSheetFrom ps && m0 >= sheetFrom) {
                    sheet = ps.sheet();
                    sheetFrom = m0;
                } else if (e instanceof TimelineEvent.PriceChange pc) {
                    boolean any = false;
                    for (int j = 0; j < pool.size(); j++) {
                        if (matches(pc.target(), pool.get(j), template)) {
                            factor[j] *= pc.factor();
                            any = true;
                        }
                    }
                    if (!any) {
                        throw new IllegalArgumentException("'" + pc.describe() + "': no model of the pool " + pool
                                + " is '" + pc.target() + "' or from that provider");
                    }
                }
            }
            if (month == first && sheet == null && allOnes(factor)) {
                continue;
            }
            PreparedScenario costs = null;
            if (sheet != null) {
                PriceSheet chosen = sheet;
                PreparedScenario hit = bySheet.get(chosen);
                if (hit == null) {
                    hit = PreparedScenario.of(template.withPrices(chosen));
                    bySheet.put(chosen, hit);
                }
                costs = hit;
            }
            prepared.addCostEpoch(month - first, costs, factor);
        }
    }

    private static boolean allOnes(double[] f) {
        for (double x : f) {
            if (x != 1.0) {
                return false;
            }
        }
        return true;
    }

    /** A price change's target names this model, or the provider the catalog gives it. */
    static boolean matches(String target, String model, Scenario s) {
        String t = target.toLowerCase(Locale.ROOT);
        if (model.toLowerCase(Locale.ROOT).equals(t)) {
            return true;
        }
        Optional<ModelInfo> info = s.catalog().resolve(model);
        if (info.isPresent()) {
            if (info.get().id().toLowerCase(Locale.ROOT).equals(t) || info.get().provider().toLowerCase(Locale.ROOT).equals(t)) {
                return true;
            }
        }
        return false;
    }
}
