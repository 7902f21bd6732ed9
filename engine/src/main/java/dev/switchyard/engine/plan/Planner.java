package dev.switchyard.engine.plan;

import dev.switchyard.engine.EngineInfo;
import dev.switchyard.engine.pricing.CostTable;
import dev.switchyard.engine.routing.ParameterSpec;
import dev.switchyard.engine.routing.RouterDescriptor;
import dev.switchyard.engine.routing.RouterParameters;
import dev.switchyard.engine.routing.Routers;
import dev.switchyard.engine.sim.RunControl;
import dev.switchyard.engine.sim.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The planner's three questions, one facade with sane defaults (decision 0700):
 * <ul>
 * <li>{@link #recommend}: the cheapest deployable router (and setting) that keeps the scenario's
 * target in every contract window with an accepted chance of a breach, every tier target included;</li>
 * <li>{@link #negotiate}: what each router costs at each of several targets, the marginal cost of a
 * point of SLA, and the theoretical floor;</li>
 * <li>{@link #budget}: the highest target promisable within a monthly budget.</li>
 * </ul>
 * Every router runs on the same seed, so all face the same requests with the same truth and
 * differences are paired. A router may be set to aim above the promised target (a margin); the
 * planner tries a few margins and keeps the cheapest that holds, so the spend it reports can only
 * grow with the target. Runs are remembered across questions (the app asks all three on one
 * scenario). Thread-safe; long calls honour {@link RunControl} cancel and report progress.
 */
public final class Planner {
    /** Routers whose behaviour does not depend on the target: one run serves every target. */
    static final Set<String> TARGET_FREE = Set.of("best-fixed", "cheapest");
    /** The bound shown as the theoretical floor. */
    public static final String FLOOR_ROUTER = "sla-oracle";
    /** The aim used to find how high a router can go (the ceiling). */
    static final double CEILING_AIM = 0.99;
    /** Budget search grid step. */
    static final double BUDGET_STEP = 0.005;

    private final Routers registry;
    private final RunBook book;

    public Planner(Routers registry) {
        this.registry = registry;
        this.book = new RunBook(registry);
    }

    public static Planner standard() {
        return new Planner(Routers.standard());
    }

    /** Forgets remembered runs (e.g. when the app loads other data). */
    public void clear() {
        book.clear();
    }

    /** The routers a planner considers by default: every deployable router of the registry. */
    public List<String> deployableRouters() {
        return registry.available().stream().filter(d -> !d.isBound()).map(RouterDescriptor::name).toList();
    }

    // ---------------------------------------------------------------- recommend

    /**
     * The cheapest router keeping the scenario's own target ({@code base.sla()}) under {@code options}.
     *
     * @param base traffic, prices, pool, feedback, volume, window, seed (its router is only the one whose parameters are kept)
     */
    public Recommendation recommend(Scenario base, PlanOptions options, RunControl control, PlanListener listener)
            throws CostTable.UnpricedModelsException {
        long t0 = System.nanoTime();
        Scenario s = effective(base, options);
        double target = s.sla().target();
        List<String> routers = routers(options);
        List<Double> targets = List.of(target);
        Map<String, List<RunBook.Setting>> byRouter = settings(s, routers, targets, options, true);
        List<RunBook.Setting> all = new ArrayList<>();
        byRouter.values().forEach(all::addAll);
        List<RunBook.Setting> floorSettings = floorSettings(options, targets);
        all.addAll(floorSettings);
        List<String> tiers = s.sample().hasSlaTiers() ? s.sample().slaTiers().values() : List.of();
        int reps = s.replications();
        // a setting whose first replication already breaks the promise for certain (pooled windows) needs no more
        java.util.function.Predicate<Outcome> decided = o -> !o.router().equals(FLOOR_ROUTER)
                && Judge.decidedFailing(o, reps, target, s.sla(), options.maxBreach(), options.tierTargets(), tiers);
        java.util.function.Consumer<Map<RunBook.Setting, Outcome>> first = listener == PlanListener.NONE || reps <= 1 ? null
                : firsts -> listener.firstAnswer(assemble(s, target, routers, byRouter, floorSettings, firsts, options, t0, true));
        Map<RunBook.Setting, Outcome> runs = book.run(s, options.events(), all, threads(options), control,
                (router, part) -> emit(router, part, s, targets, options, listener), decided, first);
        return assemble(s, target, routers, byRouter, floorSettings, runs, options, t0, false);
    }

    /**
     * The planner's first look (decision 1100): the same aims and judgement as {@link #recommend} on a much smaller
     * simulation, for a screen that must show an answer within seconds of start-up: {@link PlanOptions#FIRST_LOOK_SCALING}
     * (the first day request by request, then 2,000 simulated requests a month weighted to the real volume) and the first
     * replication only, no floor. Each router's aims are tried from the lowest, and the first that keeps the promise ends
     * its search (decision 1120): a higher aim costs more but for noise, so the pick is almost always the one trying
     * every aim would give, for a fraction of the runs. Windows are still judged at their real request counts; the
     * pooled estimate of each scaled month's satisfaction rests on a tenth of the requests, so its error, which the
     * judgement adds to every window's spread, is about three times wider, and breach probabilities with it. Never a
     * substitute for {@link #recommend}: a separate, cheaper simulation of the same scenario and seed, marked
     * provisional, whose runs do not serve any other question (their base scenario differs in its scaling).
     */
    public Recommendation firstLook(Scenario base, PlanOptions options, RunControl control) throws CostTable.UnpricedModelsException {
        long t0 = System.nanoTime();
        Scenario full = effective(base, options);
        PlanOptions quick = options.withScaling(PlanOptions.FIRST_LOOK_SCALING).withReplications(1).withFloor(false);
        Scenario s = effective(base, quick);
        double target = s.sla().target();
        List<String> routers = routers(quick);
        Map<String, List<RunBook.Setting>> byRouter = settings(s, routers, List.of(target), quick, true);
        List<RunBook.Setting> all = new ArrayList<>();
        byRouter.values().forEach(all::addAll);
        // each router's aims are a search from the lowest: the first that keeps the promise ends it (decision 1120)
        Map<RunBook.Setting, Outcome> runs = book.run(s, quick.events(), all, threads(quick), control, (router, part) -> { },
                null, null, (st, o) -> judge(o, st.aim(), s, quick).meetsSla());
        Map<String, List<RunBook.Setting>> ran = new LinkedHashMap<>();
        byRouter.forEach((router, list) -> ran.put(router, list.stream().filter(runs::containsKey).toList()));
        Recommendation r = assemble(s, target, routers, ran, List.of(), runs, quick, t0, true);
        Scenario.Scaling fs = full.scaling();
        String note = r.note() + String.format(Locale.ROOT, " First look: one replication of a smaller simulation (%d exact"
                + " day, then %,d simulated requests a month), so its breach intervals are wider, and each router's aims are"
                + " tried from the lowest up to the first that keeps the promise; the analysis at full detail (%d exact days,"
                + " %,d a month, %d replications, every aim) follows and replaces it.", PlanOptions.FIRST_LOOK_SCALING.exactDays(),
                PlanOptions.FIRST_LOOK_SCALING.maxSimulatedPerMonth(), fs.exactDays(), fs.maxSimulatedPerMonth(), full.replications());
        return new Recommendation(r.target(), r.window(), r.maxBreach(), r.recommended(), r.candidates(), r.ceiling(),
                r.ceilingRouter(), r.floor(), r.events(), r.seconds(), r.seed(), r.engineVersion(), note, true);
    }

    /** The recommendation from these runs (the first replications only when {@code provisional}). */
    private Recommendation assemble(Scenario s, double target, List<String> routers, Map<String, List<RunBook.Setting>> byRouter,
            List<RunBook.Setting> floorSettings, Map<RunBook.Setting, Outcome> runs, PlanOptions options, long t0,
            boolean provisional) {
        List<PlanPoint> candidates = new ArrayList<>();
        double ceiling = Double.NaN;
        String ceilingRouter = "";
        for (String r : routers) {
            List<Judge.Judged> judged = judgeAll(byRouter.get(r), runs, s, target, options);
            candidates.add(decidedEarly(best(judged), s, provisional));
            for (Judge.Judged j : judged) {
                if (Double.isNaN(ceiling) || j.point().meanSatisfaction() > ceiling) {
                    ceiling = j.point().meanSatisfaction();
                    ceilingRouter = r;
                }
            }
        }
        candidates.sort(Comparator.comparing((PlanPoint p) -> !p.meetsSla()).thenComparingDouble(PlanPoint::monthlySpend));
        Optional<PlanPoint> rec = candidates.stream().filter(PlanPoint::meetsSla).findFirst();
        Optional<FloorPoint> floor = floorSettings.isEmpty() ? Optional.empty()
                : Optional.of(floorPoint(runs.get(floorSettings.get(0)), target));
        // (a first look, one replication of its own smaller simulation, says what it is itself)
        String note = note(s) + (provisional && s.replications() > 1
                ? String.format(Locale.ROOT, " First answer: the first of %d replications of every run; the confirmed answer"
                        + " over all %d follows.", s.replications(), s.replications())
                : "");
        return new Recommendation(target, Judge.windowName(s.sla()), options.maxBreach(), rec, candidates, ceiling, ceilingRouter,
                floor, options.events(), seconds(t0), s.seed(), EngineInfo.version(), note, provisional);
    }

    /** A failing candidate judged on its first replication alone says so (its other replications could not save it). */
    private static PlanPoint decidedEarly(Judge.Judged j, Scenario s, boolean provisional) {
        PlanPoint p = j.point();
        if (provisional || p.meetsSla() || j.result().reps().size() >= s.replications()) {
            return p;
        }
        String reason = p.reason() + String.format(Locale.ROOT, " (decided on the first of %d replications: its breached windows"
                + " alone exceed the accepted share of all %d replications' windows)", s.replications(), s.replications());
        return new PlanPoint(p.router(), p.displayName(), p.params(), p.aimTarget(), p.target(), p.monthlySpend(),
                p.monthlySpendSpread(), p.costPer1000(), p.meanSatisfaction(), p.breachProbability(), p.breachInterval(),
                p.windows(), p.meetsSla(), reason, p.tiers(), p.monthSpend(), p.reconstructed(), p.latency());
    }

    // ---------------------------------------------------------------- one setting

    /** One setting as the planner judged it, with the simulation results it was judged from (month order). */
    public record Evaluation(PlanPoint point, List<dev.switchyard.engine.sim.SimulationResult> runs) {
        public Evaluation {
            runs = List.copyOf(runs);
        }
    }

    /**
     * One setting judged exactly as {@link #recommend} judges its candidates: {@code base}'s router and
     * parameters, aiming at {@code aim}, against {@code base}'s own target, window and tier targets. A setting
     * the planner already ran (a recommendation's or a negotiation's, matched on resolved parameters) is not
     * run again: the same run gives the same figures, so a screen showing this next to the recommendation
     * cannot contradict it.
     */
    public Evaluation evaluate(Scenario base, double aim, PlanOptions options, RunControl control)
            throws CostTable.UnpricedModelsException {
        Scenario s = effective(base, options);
        RunBook.Setting asked = new RunBook.Setting(s.router(), s.routerParameters(), aim);
        RunBook.Setting setting = book.known(s, options.events(), asked);
        Map<RunBook.Setting, Outcome> runs = book.run(s, options.events(), List.of(setting), threads(options), control,
                (router, part) -> { });
        Outcome o = runs.get(setting);
        return new Evaluation(judge(o, aim, s, options), o.parts());
    }

    /** True when {@link #evaluate} of this setting needs no simulation (the planner already ran it). */
    public boolean isKnown(Scenario base, double aim, PlanOptions options) {
        Scenario s = effective(base, options);
        return book.isKnown(s, options.events(), new RunBook.Setting(s.router(), s.routerParameters(), aim));
    }

    /**
     * A finished run (its stretches in month order, every replication kept) judged as the planner judges,
     * against {@code contract}'s target, window and {@code options}' tier targets and accepted breach.
     */
    public static PlanPoint judge(List<dev.switchyard.engine.sim.SimulationResult> parts, double aim, Scenario contract,
            PlanOptions options) {
        return judge(Outcome.join(parts), aim, contract, options);
    }

    private static PlanPoint judge(Outcome o, double aim, Scenario s, PlanOptions options) {
        List<String> tiers = s.sample().hasSlaTiers() ? s.sample().slaTiers().values() : List.of();
        return Judge.judge(o, aim, s.sla().target(), s.sla(), options.maxBreach(), options.tierTargets(), tiers).point();
    }

    // ---------------------------------------------------------------- negotiate

    /**
     * Each router at each target: its cheapest setting that keeps the target, the marginal cost per
     * point, and the SLA oracle's floor. {@code listener} gets each router's curve as soon as it is done
     * (routers that need no training first).
     */
    public Negotiation negotiate(Scenario base, List<Double> targets, PlanOptions options, RunControl control,
            PlanListener listener) throws CostTable.UnpricedModelsException {
        long t0 = System.nanoTime();
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("negotiate needs at least one target");
        }
        List<Double> ts = new ArrayList<>(new TreeSet<>(targets));
        for (double t : ts) {
            new Scenario.Sla(t, Scenario.Window.DAY, 0); // validates the range with the usual message
        }
        Scenario s = effective(base, options);
        List<String> routers = routers(options);
        Map<String, List<RunBook.Setting>> byRouter = settings(s, routers, ts, options, false);
        List<RunBook.Setting> all = new ArrayList<>();
        for (String r : fastFirst(routers)) {
            all.addAll(byRouter.get(r));
        }
        List<RunBook.Setting> floorSettings = floorSettings(options, ts);
        all.addAll(floorSettings);
        Map<RunBook.Setting, Outcome> runs = book.run(s, options.events(), all, threads(options), control,
                (router, part) -> emit(router, part, s, ts, options, listener));
        List<PlanPoint> points = new ArrayList<>();
        List<MarginalCost> marginal = new ArrayList<>();
        List<MarginalCost> steps = new ArrayList<>();
        double ceiling = Double.NaN;
        for (String r : routers) {
            List<Judge.Judged> chosen = new ArrayList<>();
            for (double t : ts) {
                List<Judge.Judged> judged = judgeAll(byRouter.get(r), runs, s, t, options);
                Judge.Judged b = best(judged);
                chosen.add(b);
                points.add(b.point());
                for (Judge.Judged j : judged) {
                    ceiling = Double.isNaN(ceiling) ? j.point().meanSatisfaction() : Math.max(ceiling, j.point().meanSatisfaction());
                }
            }
            List<Judge.Judged> met = chosen.stream().filter(j -> j.point().meetsSla()).toList();
            if (met.size() >= 2) {
                marginal.add(Judge.marginal(r, met.get(0), met.get(met.size() - 1)));
                for (int i = 1; i < met.size(); i++) {
                    steps.add(Judge.marginal(r, met.get(i - 1), met.get(i)));
                }
            }
        }
        List<FloorPoint> floor = new ArrayList<>();
        for (RunBook.Setting fs : floorSettings) {
            floor.add(floorPoint(runs.get(fs), fs.aim()));
        }
        return new Negotiation(ts, points, marginal, steps, floor, ceiling, options.events(), seconds(t0), note(s));
    }

    // ---------------------------------------------------------------- quality x latency grid

    /**
     * Negotiate's quality x latency grid with one L for every tier without its own: {@link #latencyGrid(Scenario, List,
     * List, String, PlanOptions, RunControl, LatencyGrid.Listener)} with no tier named.
     */
    public LatencyGrid latencyGrid(Scenario base, List<Double> targets, List<Double> latenciesMs, PlanOptions options,
            RunControl control, LatencyGrid.Listener listener) throws CostTable.UnpricedModelsException {
        return latencyGrid(base, targets, latenciesMs, null, options, control, listener);
    }

    /**
     * Negotiate's quality x latency grid: for each latency target L (a negotiation of its own, every router told L, on the
     * same paired stream) and each satisfaction target, the cheapest router keeping both terms and its monthly spend.
     * The base scenario's percentile, metric and per-tier targets are kept (decision 1430): with {@code tier} null or
     * empty a row's L is the default one, which holds every tier without an L of its own (the tiers' own Ls stay); with a
     * tier named, a row's L is that tier's and the default L and the other tiers' own Ls stay as the scenario has them.
     * A cell whose own row costs more than a tighter row's configuration (or cannot keep it) takes that configuration:
     * it keeps the looser promise too, so a looser L never costs more ({@link LatencyGrid.Cell#routerLatencyMs()} says
     * which L the router is told). Not part of {@link #negotiate}: it costs one negotiation per L, so a screen asks for it
     * on demand; {@code listener} gets each row when it is done.
     *
     * @throws IllegalArgumentException when {@code tier} is not an SLA tier of the traffic, or when no tier is named and
     *     every tier of the traffic has its own L (the rows would then vary a target that holds no request)
     */
    public LatencyGrid latencyGrid(Scenario base, List<Double> targets, List<Double> latenciesMs, String tier,
            PlanOptions options, RunControl control, LatencyGrid.Listener listener) throws CostTable.UnpricedModelsException {
        long t0 = System.nanoTime();
        if (latenciesMs.isEmpty()) {
            throw new IllegalArgumentException("the latency grid needs at least one latency target");
        }
        List<Double> ls = new ArrayList<>(new TreeSet<>(latenciesMs));
        for (double l : ls) {
            if (!(l > 0) || Double.isInfinite(l)) {
                throw new IllegalArgumentException("latency targets must be positive numbers of milliseconds, got " + l);
            }
        }
        dev.switchyard.engine.routing.LatencyTarget term = base.latency();
        String rowTier = tier == null ? "" : tier.strip();
        List<String> tiers = base.sample().hasSlaTiers() ? base.sample().slaTiers().values() : List.of();
        if (!rowTier.isEmpty() && !tiers.contains(rowTier)) {
            throw new IllegalArgumentException("the latency grid's tier '" + rowTier + "' is not an SLA tier of the traffic"
                    + (tiers.isEmpty() ? " (it has none)" : " (its tiers: " + String.join(", ", tiers) + ")"));
        }
        Map<String, Double> held = new java.util.TreeMap<>(term.tierTargetsMs());
        held.keySet().retainAll(tiers); // a tier the traffic does not have holds no request
        if (rowTier.isEmpty() && !tiers.isEmpty() && held.keySet().containsAll(tiers)) {
            throw new IllegalArgumentException("every SLA tier (" + String.join(", ", tiers) + ") has its own latency target,"
                    + " so the default one the grid's rows would vary holds no request: name the tier whose target the rows vary");
        }
        held.remove(rowTier);
        double heldDefault = rowTier.isEmpty() ? Double.NaN : term.targetMs();
        List<Double> ts = new ArrayList<>(new TreeSet<>(targets));
        List<LatencyGrid.Cell> cells = new ArrayList<>();
        PlanOptions o = options.withFloor(false).withProbeCeiling(false);
        // per target, the cheapest cell kept so far (rows ascend in L): a configuration keeping a tighter L keeps this one
        Map<Double, LatencyGrid.Cell> keptSoFar = new java.util.HashMap<>();
        for (double l : ls) {
            Scenario at = base.withLatency(rowTerm(term, rowTier, l));
            Negotiation n = negotiate(at, ts, o, control, PlanListener.NONE);
            List<LatencyGrid.Cell> row = new ArrayList<>();
            for (double t : ts) {
                List<PlanPoint> atT = n.points().stream().filter(p -> Math.abs(p.target() - t) < 1e-9).toList();
                LatencyGrid.Cell own = new LatencyGrid.Cell(t, l, cheapestKeeping(atT));
                LatencyGrid.Cell tighter = keptSoFar.get(t);
                LatencyGrid.Cell cell = tighter != null && (!own.met() || tighter.best().monthlySpend() < own.best().monthlySpend())
                        ? new LatencyGrid.Cell(t, l, tighter.best(), tighter.routerLatencyMs()) : own;
                if (cell.met()) {
                    keptSoFar.put(t, cell);
                }
                row.add(cell);
            }
            cells.addAll(row);
            listener.rowDone(l, List.copyOf(row));
        }
        return new LatencyGrid(ts, ls, term.percentile(), term.metric() == dev.switchyard.engine.routing.LatencyTarget.Metric.TOTAL
                ? "total" : "ttft", rowTier, heldDefault, held, cells, seconds(t0));
    }

    /** The latency term of a grid row: {@code base} with L {@code ms} as the default (tier empty) or as {@code tier}'s own. */
    static dev.switchyard.engine.routing.LatencyTarget rowTerm(dev.switchyard.engine.routing.LatencyTarget base, String tier,
            double ms) {
        if (tier.isEmpty()) {
            return new dev.switchyard.engine.routing.LatencyTarget(base.metric(), ms, base.percentile(), base.tierTargetsMs());
        }
        Map<String, Double> own = new java.util.TreeMap<>(base.tierTargetsMs());
        own.put(tier, ms);
        return new dev.switchyard.engine.routing.LatencyTarget(base.metric(), base.targetMs(), base.percentile(), own);
    }

    /** The cheapest point keeping the promise; else the closest (most latency-compliant windows, then satisfaction). */
    private static PlanPoint cheapestKeeping(List<PlanPoint> points) {
        return points.stream().filter(PlanPoint::meetsSla).min(Comparator.comparingDouble(PlanPoint::monthlySpend))
                .orElseGet(() -> points.stream().min(Comparator
                        .comparingDouble((PlanPoint p) -> p.latency() == null || Double.isNaN(p.latency().windowCompliance()) ? 0
                                : -p.latency().windowCompliance())
                        .thenComparingDouble(p -> -p.meanSatisfaction())).orElseThrow());
    }

    // ---------------------------------------------------------------- budget

    /**
     * The highest target (on a half-point grid) whose recommendation spends at most {@code monthlyBudget}
     * a month. The answer is the recommendation at that target, so {@link #recommend} there agrees.
     */
    public BudgetAnswer budget(Scenario base, double monthlyBudget, PlanOptions options, RunControl control, PlanListener listener)
            throws CostTable.UnpricedModelsException {
        long t0 = System.nanoTime();
        if (!(monthlyBudget > 0) || Double.isInfinite(monthlyBudget)) {
            throw new IllegalArgumentException("monthly budget must be a positive number of USD, got " + monthlyBudget);
        }
        // a coarse ladder first: every router at a few aims, judged against a fine grid of targets
        List<Double> ladder = List.of(0.80, 0.85, 0.88, 0.90, 0.92, 0.94, 0.95, 0.96, 0.97, 0.98, 0.99);
        Negotiation coarse = negotiate(base, ladder, options.withFloor(false).withProbeCeiling(false).withAimOffsets(List.of()),
                control, PlanListener.NONE);
        double guess = Double.NaN;
        for (PlanPoint p : coarse.points()) {
            if (p.meetsSla() && p.monthlySpend() <= monthlyBudget && (Double.isNaN(guess) || p.target() > guess)) {
                guess = p.target();
            }
        }
        if (Double.isNaN(guess)) {
            guess = ladder.get(0);
        }
        // then the recommendation itself, stepping by half a point until the budget binds
        double t = grid(guess);
        Recommendation best = null;
        double bestT = Double.NaN;
        Recommendation r = recommendAt(base, t, options, control, listener);
        if (fits(r, monthlyBudget)) {
            best = r;
            bestT = t;
            for (double up = t + BUDGET_STEP; up <= CEILING_AIM + 1e-9; up += BUDGET_STEP) {
                Recommendation next = recommendAt(base, grid(up), options, control, listener);
                if (!fits(next, monthlyBudget)) {
                    break;
                }
                best = next;
                bestT = grid(up);
            }
        } else {
            for (double down = t - BUDGET_STEP; down >= 0.5 - 1e-9; down -= BUDGET_STEP) {
                Recommendation next = recommendAt(base, grid(down), options, control, listener);
                if (fits(next, monthlyBudget)) {
                    best = next;
                    bestT = grid(down);
                    break;
                }
            }
        }
        return new BudgetAnswer(monthlyBudget, bestT, Optional.ofNullable(best), options.events(), seconds(t0));
    }

    private Recommendation recommendAt(Scenario base, double t, PlanOptions options, RunControl control, PlanListener listener)
            throws CostTable.UnpricedModelsException {
        // the budget search's steps are not answers of their own: no first answer per target tried
        PlanListener steps = listener == PlanListener.NONE ? listener : new PlanListener() {
            @Override
            public void routerDone(String router, List<PlanPoint> points) {
                listener.routerDone(router, points);
            }

            @Override
            public void floorDone(List<FloorPoint> floor) {
                listener.floorDone(floor);
            }
        };
        return recommend(base.withTarget(t), options.withFloor(false), control, steps);
    }

    private static boolean fits(Recommendation r, double budget) {
        return r.recommended().isPresent() && r.recommended().get().monthlySpend() <= budget;
    }

    private static double grid(double t) {
        return Math.round(t / BUDGET_STEP) * BUDGET_STEP;
    }

    // ---------------------------------------------------------------- internals

    private Scenario effective(Scenario base, PlanOptions o) {
        Scenario s = base;
        if (o.scaling() != null) {
            s = s.withScaling(o.scaling());
        }
        if (o.replications() > 0) {
            s = s.withReplications(o.replications());
        }
        return s;
    }

    private List<String> routers(PlanOptions o) {
        List<String> names = o.routers().isEmpty() ? deployableRouters() : o.routers();
        List<String> out = new ArrayList<>();
        for (String n : names) {
            RouterDescriptor d = registry.descriptor(n);
            if (d.isBound()) {
                continue; // bounds are the floor, never a candidate
            }
            if (!d.available()) {
                throw new IllegalArgumentException("router '" + n + "' is not available in this build");
            }
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no deployable router to plan with (bounds such as sla-oracle are only a floor)");
        }
        return out;
    }

    /** Routers that need no training first, so the first curve is on screen quickly. */
    private List<String> fastFirst(List<String> routers) {
        List<String> out = new ArrayList<>(routers);
        out.sort(Comparator.comparingInt(r -> registry.descriptor(r).role() == RouterDescriptor.Role.OFFLINE ? 1 : 0));
        return out;
    }

    private int threads(PlanOptions o) {
        return o.threads() > 0 ? o.threads() : Runtime.getRuntime().availableProcessors();
    }

    private List<RunBook.Setting> floorSettings(PlanOptions o, List<Double> targets) {
        List<RunBook.Setting> out = new ArrayList<>();
        if (o.floor() && registry.descriptor(FLOOR_ROUTER).available()) {
            for (double t : targets) {
                out.add(new RunBook.Setting(FLOOR_ROUTER, RouterParameters.none(), t));
            }
        }
        return out;
    }

    /**
     * The aims tried for these targets: each target, plus margins above it that no other aim already covers
     * (with several targets, above the top one only: the others are each other's margins).
     */
    static List<Double> aims(List<Double> targets, List<Double> offsets, boolean probeCeiling) {
        TreeSet<Double> out = new TreeSet<>();
        for (double t : targets) {
            out.add(round(Math.min(CEILING_AIM, t)));
        }
        // with several targets the higher ones are the lower ones' margins: only the top one gets margins of its own
        List<Double> margined = targets.size() > 1 ? List.of(out.last()) : targets;
        for (double t : margined) {
            for (double o : offsets) {
                double a = round(Math.min(CEILING_AIM, t + o));
                Double near = out.ceiling(a - 0.0049);
                if (near == null || near > a + 0.0049) {
                    out.add(a);
                }
            }
        }
        if (probeCeiling) {
            out.add(CEILING_AIM);
        }
        return new ArrayList<>(out);
    }

    private static double round(double a) {
        return Math.round(a * 10_000) / 10_000.0;
    }

    private Map<String, List<RunBook.Setting>> settings(Scenario s, List<String> routers, List<Double> targets, PlanOptions o,
            boolean forRecommend) {
        List<Double> aims = aims(targets, o.aimOffsets(), o.probeCeiling());
        Map<String, List<RunBook.Setting>> out = new LinkedHashMap<>();
        for (String r : routers) {
            RouterDescriptor d = registry.descriptor(r);
            RouterParameters p = r.equals(s.router()) ? s.routerParameters() : RouterParameters.none();
            // a target-dial router trained once over every aim asked for (one training serves them all)
            if (d.parameter("tauMin").isPresent() && d.parameter("tauMax").isPresent() && !p.values().containsKey("tauMin")
                    && !p.values().containsKey("tauMax")) {
                ParameterSpec lo = d.parameter("tauMin").get();
                ParameterSpec hi = d.parameter("tauMax").get();
                double min = Math.max(lo.min(), Math.min(lo.defaultValue(), aims.get(0)));
                double max = Math.min(hi.max(), Math.max(hi.defaultValue(), aims.get(aims.size() - 1)));
                p = p.with("tauMin", fmt(min)).with("tauMax", fmt(max));
            }
            List<RunBook.Setting> list = new ArrayList<>();
            if (TARGET_FREE.contains(r)) {
                list.add(new RunBook.Setting(r, p, aims.get(0)));
            } else {
                for (double a : aims) {
                    list.add(new RunBook.Setting(r, p, a));
                }
            }
            out.put(r, list);
        }
        return out;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private List<Judge.Judged> judgeAll(List<RunBook.Setting> settings, Map<RunBook.Setting, Outcome> runs, Scenario s, double target,
            PlanOptions o) {
        List<String> tiers = s.sample().hasSlaTiers() ? s.sample().slaTiers().values() : List.of();
        List<Judge.Judged> out = new ArrayList<>();
        for (RunBook.Setting st : settings) {
            out.add(Judge.judge(runs.get(st), st.aim(), target, s.sla(), o.maxBreach(), o.tierTargets(), tiers));
        }
        return out;
    }

    /** The cheapest judged run that keeps the promise; else the one that gets highest (then fewest breaches). */
    static Judge.Judged best(List<Judge.Judged> judged) {
        Judge.Judged best = null;
        for (Judge.Judged j : judged) {
            if (j.point().meetsSla() && (best == null || j.point().monthlySpend() < best.point().monthlySpend())) {
                best = j;
            }
        }
        if (best != null) {
            return best;
        }
        // the setting that gets highest (the same one for every target it cannot keep, so spend stays monotone)
        Comparator<Judge.Judged> closest = Comparator.comparingDouble((Judge.Judged j) -> -j.point().meanSatisfaction())
                .thenComparingDouble(j -> Double.isNaN(j.point().breachProbability()) ? 2 : j.point().breachProbability());
        return judged.stream().min(closest).orElseThrow();
    }

    private void emit(String router, Map<RunBook.Setting, Outcome> part, Scenario s, List<Double> targets, PlanOptions o,
            PlanListener listener) {
        if (listener == PlanListener.NONE) {
            return;
        }
        if (router.equals(FLOOR_ROUTER)) {
            List<FloorPoint> floor = new ArrayList<>();
            for (Map.Entry<RunBook.Setting, Outcome> e : part.entrySet()) {
                floor.add(floorPoint(e.getValue(), e.getKey().aim()));
            }
            listener.floorDone(floor);
            return;
        }
        List<RunBook.Setting> settings = new ArrayList<>(part.keySet());
        List<PlanPoint> points = new ArrayList<>();
        for (double t : targets) {
            points.add(best(judgeAll(settings, part, s, t, o)).point());
        }
        listener.routerDone(router, points);
    }

    private static FloorPoint floorPoint(Outcome r, double target) {
        return new FloorPoint(r.router(), target, r.meanTotalCost() / r.months(), r.costPer1000(), r.meanSatisfaction());
    }

    private static String note(Scenario s) {
        Scenario.Scaling sc = s.scaling();
        int exact = Math.min(sc.exactDays(), s.volume().months() * 30);
        return String.format(Locale.ROOT,
                "Every router faces the same simulated requests (seed %d, %d replication(s)); %s simulated"
                        + " request by request, after that up to %,d requests a month are simulated and weighted up to %,d requests"
                        + " a month. A router may aim above the promised target to breach less often; the cheapest aim that keeps"
                        + " the promise is shown.",
                s.seed(), s.replications(), exact == 1 ? "the first day is" : "the first " + exact + " days are",
                sc.maxSimulatedPerMonth(), s.volume().requestsPerMonth());
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
