package dev.tastebot.taste;

import java.util.List;

/**
 * The model families tastebot fits for each user, and the blend of them it answers with. Boosted
 * shallow trees and one smooth weighing of every input err differently, so their rank-averaged
 * blend ranked songs at least as well as either alone on the development set and the proxies,
 * without choosing a family per user.
 */
public enum ModelKind {
    GRADIENT_BOOSTING("gradient boosting", BoostingLearner.standard()),
    LOGISTIC_REGRESSION("logistic regression", LogisticLearner.standard()),
    /** The two above, each score turned into its rank among the family's cross-validated scores, averaged. */
    BOOSTING_LOGISTIC_BLEND("boosting + logistic blend", GRADIENT_BOOSTING, LOGISTIC_REGRESSION);

    private final String label;
    private final Learner learner;
    private final List<ModelKind> parts;

    ModelKind(String label, Learner learner) {
        this.label = label;
        this.learner = learner;
        this.parts = List.of();
    }

    ModelKind(String label, ModelKind... parts) {
        this.label = label;
        this.learner = null;
        this.parts = List.of(parts);
    }

    public String label() {
        return label;
    }

    /** The learner of a single family; a blend has none of its own. */
    Learner learner() {
        if (learner == null) {
            throw new IllegalStateException(label + " is a blend: fit its parts");
        }
        return learner;
    }

    /** The families whose scores this one blends; empty for a family fitted on its own. */
    public List<ModelKind> parts() {
        return parts;
    }
}
