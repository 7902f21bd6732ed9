package dev.switchyard.app.common;

import java.util.List;
import java.util.Locale;

/**
 * Every term the screens use, in plain words (Help > Glossary, F1). Tooltips say the same in
 * context; this is where a user looks a word up.
 */
public final class Glossary {
    private Glossary() {
    }

    public record Term(String term, String meaning) {
    }

    public static final List<Term> TERMS = List.of(
            new Term("SLA target", "The share of requests that must satisfy users, as promised to a customer, e.g. 90%. "
                    + "A higher target needs the dearer models more often."),
            new Term("SLA window", "The stretch over which satisfaction is measured against the target: a day, a week, "
                    + "a month, or a fixed number of requests. Shorter windows are breached more often."),
            new Term("Breach, P(breached week)", "A contract window (a day, a week, a month or N requests, as the SLA says) "
                    + "breaches when its share of satisfied requests ends below the target. P(breached week) is how often a "
                    + "week does, at its real request count, across the simulated years, with a 90% interval: the planner's "
                    + "figure, the same on the Scenario and Negotiate screens."),
            new Term("Aim", "The target a router is set to. The planner may set it a point or two above the promised "
                    + "target (a safety margin) so that windows breach rarely enough; figures are still judged against the "
                    + "promise."),
            new Term("Satisfaction", "The share of requests whose answer satisfied the user. The simulation knows it from "
                    + "the traffic's recorded scores; the routers never see it, only the feedback."),
            new Term("Feedback rate", "How often an unhappy user tells you (thumbs down, complaint). 5% means 1 in 20 bad "
                    + "answers is reported. Only routers that learn online (SLARouter, MESS+) use it."),
            new Term("One-sided feedback", "Users report bad answers, never good ones: silence is not praise."),
            new Term("Price of quality (λ)", "How much extra cost a router accepts for a better chance of a satisfied "
                    + "request. SLARouter and PROTEUS raise it while the SLA is at risk and lower it when there is room."),
            new Term("Virtual queue", "SLARouter's running tally of how far behind the target it is (SLA debt). It grows "
                    + "with every shortfall and drives the router to dearer models until it is paid off."),
            new Term("Recommendation", "The cheapest deployable router (with its settings) that meets the target in every "
                    + "contract window with at most the allowed breach probability, every tier's target included."),
            new Term("Ceiling", "The highest satisfaction any deployable router reaches on this traffic: targets above it "
                    + "cannot be promised whatever the budget."),
            new Term("Theoretical floor (bound)", "An oracle that reads the hidden truth: the least any router could "
                    + "spend. A reference line, never something to deploy, so it has no breach figures."),
            new Term("SLA oracle", "A bound: knows in hindsight which cheapest model satisfies each request."),
            new Term("Best fixed model", "Sending every request to the single model that scores best on the sample."),
            new Term("Cheapest meeting target", "The cheapest single model whose average score meets the target."),
            new Term("Savings vs best fixed", "How much cheaper than sending every request to the best single model."),
            new Term("Marginal cost per point", "The extra monthly spend for one more percentage point of SLA, from runs "
                    + "on the same random draws (paired), with its interval across replications."),
            new Term("Monthly budget", "What the team can spend per month. The Budget field finds the highest SLA target "
                    + "a deployable router meets within it at the allowed breach risk."),
            new Term("Per-tier compliance", "Satisfaction of each SLA tier of the traffic (gold, silver, bronze...) against "
                    + "its own target. A tier can breach while the traffic as a whole meets the target."),
            new Term("Replications", "How many times the year is re-drawn at random. More make the P10-P90 band and the "
                    + "breach probability more reliable, and take longer."),
            new Term("P10-P90 band", "In 8 of 10 simulated years the figure falls inside the band."),
            new Term("Preview", "Quick figures from a coarse run so the charts follow the controls. The full run replaces "
                    + "them moments later; only full-run figures are for quoting."),
            new Term("Reconstructed", "Rebuilt from a paper without its full text or code; its figures are an informed "
                    + "estimate of the published method."),
            new Term("Model pool", "The models a router may send requests to."),
            new Term("Price sheet", "Dated per-token prices for each model. Traffic without recorded costs needs one."),
            new Term("Price or catalog event", "A change from a given month on the timeline: a provider's price change, "
                    + "a new model joining the pool, a model leaving at its deprecation date. Marked on the spend chart."),
            new Term("Calibration split", "Part of the sample, with its scores, that offline routers (PROTEUS, threshold) "
                    + "train on before the simulated year starts."),
            new Term("Dual step", "PROTEUS training setting: how fast its price of missing the target moves."),
            new Term("Cost per 1,000 requests", "What 1,000 requests cost on average: the figure to quote in a contract."));

    /** The terms whose name or meaning contains {@code filter} (case-insensitive); all for a blank filter. */
    public static List<Term> matching(String filter) {
        if (filter == null || filter.isBlank()) {
            return TERMS;
        }
        String f = filter.strip().toLowerCase(Locale.ROOT);
        return TERMS.stream().filter(t -> t.term().toLowerCase(Locale.ROOT).contains(f)
                || t.meaning().toLowerCase(Locale.ROOT).contains(f)).toList();
    }
}
