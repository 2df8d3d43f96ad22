package dev.tastebot.taste;

/** The model families tastebot chooses between for each user, by cross-validated ROC-AUC. */
public enum ModelKind {
    RANDOM_FOREST("random forest", ForestLearner.standard()),
    GRADIENT_BOOSTING("gradient boosting", BoostingLearner.standard()),
    LOGISTIC_REGRESSION("logistic regression", LogisticLearner.standard());

    private final String label;
    private final Learner learner;

    ModelKind(String label, Learner learner) {
        this.label = label;
        this.learner = learner;
    }

    public String label() {
        return label;
    }

    Learner learner() {
        return learner;
    }
}
