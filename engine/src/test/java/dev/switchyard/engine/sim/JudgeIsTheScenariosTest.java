package dev.switchyard.engine.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchyard.engine.catalog.Catalog;
import dev.switchyard.engine.routing.RouterParameters;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cascade's judge is a scenario setting (decision 0307): its error rate and price are facts of the
 * scenario, not the router's choice, and every judge call is paid.
 */
class JudgeIsTheScenariosTest {

    /** Two models, chain "all": exactly one judge call per request (on mini; max is the last and never judged). */
    private static Scenario cascade(Scenario.Judge judge) {
        return Scenario.of(ReferenceFiguresTest.traffic(), ReferenceFiguresTest.prices(), Catalog.empty(), "cascade")
                .withRouter("cascade", RouterParameters.of("chain", "all")).withModelPool(List.of("mini", "max"))
                .withTarget(0.8).withVolume(Scenario.Volume.requests(30_000)).withScaling(Scenario.Scaling.exact())
                .withJudge(judge);
    }

    @Test
    void everyJudgeCallIsPaidAtTheScenariosPrice() throws Exception {
        double price = 0.002;
        SimulationResult free = Simulator.standard().withThreads(1).run(cascade(new Scenario.Judge(0.1, 0)));
        SimulationResult paid = Simulator.standard().withThreads(1).run(cascade(new Scenario.Judge(0.1, price)));
        // same verdict draws, same routes: the spend differs by exactly one judge call per request
        assertEquals(free.modelShare(), paid.modelShare());
        assertEquals(price * 30_000, paid.totalCost().mean() - free.totalCost().mean(), 1e-6);
        // spend shares stay the models' own (the judge is not a model)
        double shares = paid.models().stream().mapToDouble(m -> m.spendShare().mean()).sum();
        assertEquals(1 - price * 30_000 / paid.totalCost().mean(), shares, 1e-9);
    }

    @Test
    void theDefaultJudgeIsPricedLikeTheCheapestModelNotFree() throws Exception {
        SimulationResult free = Simulator.standard().withThreads(1).run(cascade(new Scenario.Judge(0.1, 0)));
        SimulationResult dflt = Simulator.standard().withThreads(1).run(cascade(Scenario.Judge.defaults()));
        double mini = free.models().get(0).spendShare().mean() * free.totalCost().mean() / 30_000; // mini's cost per request
        double perJudge = (dflt.totalCost().mean() - free.totalCost().mean()) / 30_000;
        // mini is called on every request, so its realised cost per request estimates its mean expected cost
        assertEquals(mini, perJudge, 0.1 * mini);
    }

    @Test
    void theJudgesErrorRateIsTheScenariosWhateverTheRouterAsks() throws Exception {
        // error 0: mini is served exactly when its answer is good; error 0.5: a coin decides
        double miniMean = 0;
        var t = ReferenceFiguresTest.traffic();
        for (int q = 0; q < t.size(); q++) {
            miniMean += t.score(q, 0) / t.size();
        }
        SimulationResult perfect = Simulator.standard().withThreads(1).run(cascade(new Scenario.Judge(0, 0)));
        SimulationResult coin = Simulator.standard().withThreads(1).run(cascade(new Scenario.Judge(0.5, 0)));
        assertEquals(miniMean, perfect.modelShare().get("mini"), 0.03);
        assertEquals(0.5, coin.modelShare().get("mini"), 0.02);
        // the router has no say: its old judgeError parameter is gone
        Scenario asks = cascade(new Scenario.Judge(0.5, 0)).withRouter("cascade", RouterParameters.of("judgeError", "0"));
        assertThrows(IllegalArgumentException.class, () -> Simulator.standard().withThreads(1).run(asks));
    }
}
