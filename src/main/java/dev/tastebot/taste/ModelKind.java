package dev.tastebot.taste;

import java.util.Arrays;
import java.util.List;

/** The model families tastebot chooses between for each user, by cross-validated ROC-AUC. */
public enum ModelKind {
    RANDOM_FOREST("random forest", ForestLearner.standard()),
    GRADIENT_BOOSTING("gradient boosting", BoostingLearner.standard()),
    LOGISTIC_REGRESSION("logistic regression", LogisticLearner.standard()),
    /** The average of the forest and the logistic regression; costs no extra fits to evaluate. */
    FOREST_LOGISTIC_BLEND("forest + logistic blend", RANDOM_FOREST, LOGISTIC_REGRESSION);

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
        this.parts = List.of(parts);
        this.learner = new BlendLearner(Arrays.stream(parts).map(ModelKind::learner).toList());
    }

    public String label() {
        return label;
    }

    Learner learner() {
        return learner;
    }

    /** The families whose scores this one averages; empty for a family fitted on its own. */
    List<ModelKind> parts() {
        return parts;
    }
}
