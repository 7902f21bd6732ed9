package dev.switchyard.engine.sample;

import java.util.List;

/**
 * How one task category behaves in the sample: its outcome model and its token and prompt shape.
 *
 * @param graded true for judge-scored categories (scores 0, 0.25, ..., 1), false for pass/fail
 * @param guess chance of a correct answer with no skill (e.g. 0.25 for four-option questions)
 * @param discrimination slope of the item-response curve over the standardised difficulty; higher
 *     means outcomes of different models are more correlated (more all-right and none-right queries)
 * @param meanInputTokens mean of the lognormal input-token count
 * @param meanOutputTokens mean of the lognormal output-token count before the model's verbosity
 * @param outputDifficultyElasticity output tokens scale by exp(elasticity * difficulty): harder
 *     problems get longer answers (and more billed reasoning)
 * @param cachedShare chance that a query of this category reuses a cached prompt prefix
 * @param unanswerableShare share of queries no model can satisfy (broken tests, missing context,
 *     a wrong answer key): every model fails them, as in real benchmarks
 * @param subtopics sub-domains; the models' specialities differ per subtopic, and each has its
 *     own words, so prompt text says which models suit a query
 */
public record CategoryProfile(
        String name,
        boolean graded,
        double guess,
        double discrimination,
        double meanInputTokens,
        double inputSigma,
        double meanOutputTokens,
        double outputSigma,
        double outputDifficultyElasticity,
        double cachedShare,
        double unanswerableShare,
        List<String> openers,
        List<Subtopic> subtopics,
        List<String> easyPhrases,
        List<String> hardPhrases) {

    public CategoryProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("category name must not be blank");
        }
        if (!(guess >= 0 && guess < 1)) {
            throw new IllegalArgumentException("category '" + name + "' guess must be in [0,1), got " + guess);
        }
        if (!(discrimination > 0)) {
            throw new IllegalArgumentException("category '" + name + "' discrimination must be > 0, got " + discrimination);
        }
        if (!(meanInputTokens >= 1 && meanOutputTokens >= 1)) {
            throw new IllegalArgumentException("category '" + name + "' mean token counts must be >= 1");
        }
        if (!(unanswerableShare >= 0 && unanswerableShare < 0.5)) {
            throw new IllegalArgumentException("category '" + name + "' unanswerableShare must be in [0,0.5)");
        }
        if (!(cachedShare >= 0 && cachedShare <= 1)) {
            throw new IllegalArgumentException("category '" + name + "' cachedShare must be in [0,1]");
        }
        openers = List.copyOf(openers);
        subtopics = List.copyOf(subtopics);
        easyPhrases = List.copyOf(easyPhrases);
        hardPhrases = List.copyOf(hardPhrases);
        if (openers.isEmpty() || subtopics.isEmpty() || easyPhrases.isEmpty() || hardPhrases.isEmpty()) {
            throw new IllegalArgumentException("category '" + name + "' needs openers, subtopics, easy and hard phrases");
        }
    }

    /** Chance of success on an unanswerable query: zero for pass/fail, a low judge score when graded. */
    double unanswerableProbability() {
        return graded ? 0.1 : 0.0;
    }

    /** A sub-domain of a category and the phrases that name it in a prompt. */
    public record Subtopic(String name, List<String> phrases) {
        public Subtopic {
            phrases = List.copyOf(phrases);
            if (phrases.isEmpty()) {
                throw new IllegalArgumentException("subtopic '" + name + "' needs phrases");
            }
        }
    }
}
