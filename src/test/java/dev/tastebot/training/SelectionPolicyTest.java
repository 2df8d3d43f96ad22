package dev.tastebot.training;

import dev.tastebot.taste.BlendScale;
import dev.tastebot.taste.ModelChoice;
import dev.tastebot.taste.ModelKind;
import dev.tastebot.training.SelectionPolicy.Selection;
import org.junit.jupiter.api.Test;
import smile.classification.PlattScaling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SelectionPolicyTest {
    private static final Instant CHOSEN = Instant.parse("2026-11-01T03:30:00Z");
    private static final String USER = "discord:42";

    private final SelectionPolicy policy = new SelectionPolicy();

    private static ModelChoice chosenOn(int ratings) {
        return new ModelChoice(ModelKind.BOOSTING_LOGISTIC_BLEND, new PlattScaling(-2, 1), 0.5, 0.9, 0.85,
                Map.of(), ratings, 400, CHOSEN, BlendScale.of(List.of(new double[] {0, 1}, new double[] {0, 1}),
                        new double[] {1, 1}));
    }

    private Selection decide(int ratingsNow, Instant now) {
        return policy.decide(USER, Optional.of(chosenOn(400)), ratingsNow, now);
    }

    @Test
    void withoutAReadablePreviousModelTheModelIsChosen() {
        assertThat(policy.decide(USER, Optional.empty(), 400, CHOSEN))
                .isEqualTo(new Selection.ChooseAgain("no readable previous model"));
    }

    @Test
    void fewerThanAQuarterMoreOrFewerRatingsRefitThePreviousChoice() {
        Instant nextNight = CHOSEN.plus(Duration.ofDays(1));

        assertThat(decide(400, nextNight)).isInstanceOf(Selection.Reuse.class);
        assertThat(decide(499, nextNight)).isInstanceOf(Selection.Reuse.class);
        assertThat(decide(301, nextNight)).isInstanceOf(Selection.Reuse.class);
        assertThat(((Selection.Reuse) decide(420, nextNight)).choice().ratingsSeen()).isEqualTo(400);
    }

    @Test
    void aQuarterMoreOrFewerRatingsChooseAgain() {
        Instant nextNight = CHOSEN.plus(Duration.ofDays(1));

        assertThat(decide(500, nextNight)).isEqualTo(new Selection.ChooseAgain("ratings went from 400 to 500 since the model was chosen"));
        assertThat(decide(300, nextNight)).isInstanceOf(Selection.ChooseAgain.class);
    }

    @Test
    void aChoiceChosenAgainOnceItIsOlderThanItsUsersAgeLimit() {
        Duration limit = SelectionPolicy.maxAge(USER);

        assertThat(decide(401, CHOSEN.plus(limit).minusSeconds(1))).isInstanceOf(Selection.Reuse.class);
        assertThat(decide(401, CHOSEN.plus(limit)))
                .isEqualTo(new Selection.ChooseAgain("the model was chosen " + limit.toDays() + " days ago"));
    }

    @Test
    void theAgeLimitIsAMonthSpreadOverAWeekByUserAndTheSameOnEveryCall() {
        var limits = IntStream.range(0, 50).mapToObj(i -> SelectionPolicy.maxAge("discord:" + i)).toList();

        assertThat(limits).allSatisfy(limit -> assertThat(limit)
                .isBetween(SelectionPolicy.MAX_AGE, SelectionPolicy.MAX_AGE.plusDays(SelectionPolicy.AGE_SPREAD_DAYS)));
        assertThat(limits.stream().distinct().count()).isGreaterThan(3);
        assertThat(SelectionPolicy.maxAge("discord:7")).isEqualTo(SelectionPolicy.maxAge("discord:7"));
    }
}
