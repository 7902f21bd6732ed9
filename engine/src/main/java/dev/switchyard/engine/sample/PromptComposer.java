package dev.switchyard.engine.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes short synthetic prompts whose words carry signal: the opener and topic phrase name the
 * category and subtopic (which models suit the query), and harder queries carry more "hard"
 * clauses (multi-step, constraints, edge cases) while easy ones often say so. The signal is
 * deliberately imperfect: clause counts are random, some prompts borrow a phrase from another
 * category, and neutral filler is mixed in. All words are written for Switchyard; no third-party text.
 */
final class PromptComposer {
    private static final List<String> FILLER = List.of(
            "Thanks!", "Need this for tomorrow.", "Keep it professional.", "This is for a customer.",
            "Reply in English.", "Asap please.", "Use plain language.", "Context is below.");

    private PromptComposer() {
    }

    /** The result: the prompt and how many hard clauses it has (drives token counts). */
    record Prompt(String text, int hardClauses) {
    }

    static Prompt compose(Draws draws, CategoryProfile category, int subtopic, double difficulty,
                          List<CategoryProfile> allCategories) {
        StringBuilder sb = new StringBuilder();
        sb.append(draws.pick(category.openers())).append(' ');
        sb.append(draws.pick(category.subtopics().get(subtopic).phrases()));
        boolean easy = draws.chance(difficulty < -0.3 ? 0.7 : 0.1);
        if (easy) {
            sb.append(", ").append(draws.pick(category.easyPhrases()));
        }
        int clauses = Math.min(4, draws.poisson(0.8 * StrictMath.exp(0.9 * difficulty)));
        List<String> pool = new ArrayList<>(category.hardPhrases());
        for (int i = 0; i < clauses; i++) {
            String clause = pool.remove(draws.below(pool.size()));
            sb.append(i == clauses - 1 && i > 0 ? " and " : ", ").append(clause);
        }
        sb.append('.');
        if (draws.chance(0.08)) {
            // Real prompts mix tasks; a borrowed phrase keeps the category from being trivially readable.
            CategoryProfile other = allCategories.get(draws.below(allCategories.size()));
            sb.append(" Also: ").append(draws.pick(draws.pick(other.subtopics()).phrases())).append('.');
        }
        if (draws.chance(0.25)) {
            sb.append(' ').append(draws.pick(FILLER));
        }
        return new Prompt(sb.toString(), clauses);
    }
}
