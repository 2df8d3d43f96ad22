package dev.tastebot.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RatingReplayTest {
    private static RatingReplay.Reacted add(String message, String track, boolean liked) {
        return new RatingReplay.Reacted(message, track, liked, true);
    }

    private static RatingReplay.Reacted remove(String message, String track, boolean liked) {
        return new RatingReplay.Reacted(message, track, liked, false);
    }

    private static RatingReplay replay(RatingReplay.Applied... events) {
        RatingReplay replay = new RatingReplay();
        List.of(events).forEach(replay::apply);
        return replay;
    }

    @Test
    void aSwitchAsDiscordReportsItEndsOnTheNewVerdict() {
        RatingReplay replay = replay(add("m1", "t1", true), add("m1", "t1", false), remove("m1", "t1", true));

        assertThat(replay.ratings()).isEqualTo(Map.of("t1", false));
        assertThat(replay.changes()).isEqualTo(Map.of("t1", 2));
    }

    @Test
    void takingBackOneOfTwoLeavesTheOtherAndTakingBackTheLastLeavesNothing() {
        RatingReplay replay = replay(add("m1", "t1", true), add("m1", "t1", false), remove("m1", "t1", false));
        assertThat(replay.ratings()).isEqualTo(Map.of("t1", true));

        replay.apply(remove("m1", "t1", true));
        assertThat(replay.ratings()).isEmpty();
        assertThat(replay.changes()).isEqualTo(Map.of("t1", 4));
    }

    @Test
    void aDuplicateDeliveryAndARemovalOfWhatIsNotShownChangeNothing() {
        RatingReplay replay = replay(add("m1", "t1", true), add("m1", "t1", true), remove("m1", "t1", false));

        assertThat(replay.ratings()).isEqualTo(Map.of("t1", true));
        assertThat(replay.changes()).isEqualTo(Map.of("t1", 1));
    }

    @Test
    void anImportLikesOnlyWhatIsNotRatedNowIncludingWhatWasTakenBack() {
        RatingReplay replay = replay(add("m1", "t1", false), add("m2", "t2", true), remove("m2", "t2", true),
                new RatingReplay.Imported(List.of("t1", "t2", "t3")));

        assertThat(replay.ratings()).isEqualTo(Map.of("t1", false, "t2", true, "t3", true));
        assertThat(replay.changes()).isEqualTo(Map.of("t1", 1, "t2", 3, "t3", 1));
    }
}
