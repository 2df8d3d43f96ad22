package dev.tastebot.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tastebot.evaluation.StratifiedFolds.Split;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedFoldsTest {
    /** Ten likes and five dislikes, interleaved so that an unshuffled cut would not stratify. */
    private static final boolean[] TEN_LIKES_FIVE_DISLIKES = labels("LLDLLDLLDLLDLLD");

    @Test
    void everyTestFoldKeepsTheClassRatio() {
        // WHEN
        List<Split> splits = StratifiedFolds.splits(TEN_LIKES_FIVE_DISLIKES, 5, 3, 42);

        // THEN each fold tests 2 of the 10 likes and 1 of the 5 dislikes
        assertThat(splits).allSatisfy(split -> {
            assertThat(likesAmong(split.test(), TEN_LIKES_FIVE_DISLIKES)).isEqualTo(2);
            assertThat(split.test()).hasSize(3);
        });
    }

    @Test
    void unevenClassesDifferByAtMostOnePerFold() {
        // GIVEN 7 likes and 3 dislikes in 3 folds
        boolean[] liked = labels("LLLLLLLDDD");

        // WHEN
        int[] fold = StratifiedFolds.stratifiedFoldAssignment(liked, 3, new Random(7));

        // THEN likes 3/2/2, dislikes 1/1/1, sizes 4/3/3 in some order
        for (int f = 0; f < 3; f++) {
            int chosen = f;
            int[] members = IntStream.range(0, liked.length).filter(i -> fold[i] == chosen).toArray();
            assertThat(likesAmong(members, liked)).isBetween(2, 3);
            assertThat(members.length - likesAmong(members, liked)).isEqualTo(1);
        }
    }

    @Test
    void eachRepeatTestsEveryRowExactlyOnceAndNeverTrainsOnItsTestRows() {
        // WHEN
        List<Split> splits = StratifiedFolds.splits(TEN_LIKES_FIVE_DISLIKES, 5, 2, 1);

        // THEN
        assertThat(splits).hasSize(10);
        for (int repeat = 0; repeat < 2; repeat++) {
            int chosen = repeat;
            int[] allTested = splits.stream()
                    .filter(split -> split.repeat() == chosen)
                    .flatMapToInt(split -> Arrays.stream(split.test()))
                    .sorted()
                    .toArray();
            assertThat(allTested).containsExactly(IntStream.range(0, 15).toArray());
        }
        assertThat(splits).allSatisfy(split -> {
            assertThat(split.train()).doesNotContain(split.test());
            assertThat(split.train().length + split.test().length).isEqualTo(15);
        });
    }

    @Test
    void comesOrderedByRepeatThenFold() {
        List<Split> splits = StratifiedFolds.splits(TEN_LIKES_FIVE_DISLIKES, 3, 2, 1);

        assertThat(splits).extracting(split -> split.repeat() + "/" + split.fold())
                .containsExactly("0/0", "0/1", "0/2", "1/0", "1/1", "1/2");
    }

    @Test
    void theSameSeedGivesTheSameSplits() {
        assertThat(StratifiedFolds.splits(TEN_LIKES_FIVE_DISLIKES, 5, 3, 99))
                .isEqualTo(StratifiedFolds.splits(TEN_LIKES_FIVE_DISLIKES, 5, 3, 99));
    }

    @Test
    void anotherSeedOrAnotherRepeatShufflesDifferently() {
        // WHEN
        List<Split> first = StratifiedFolds.splits(TEN_LIKES_FIVE_DISLIKES, 5, 2, 1);
        List<Split> second = StratifiedFolds.splits(TEN_LIKES_FIVE_DISLIKES, 5, 2, 2);

        // THEN
        assertThat(first).isNotEqualTo(second);
        assertThat(first.get(0).test()).isNotEqualTo(first.get(5).test());
    }

    @Test
    void refusesFewerThanTwoFoldsOrMoreFoldsThanRows() {
        assertThatThrownBy(() -> StratifiedFolds.splits(TEN_LIKES_FIVE_DISLIKES, 1, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need at least 2 folds, got 1");
        assertThatThrownBy(() -> StratifiedFolds.splits(labels("LD"), 3, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("3 folds for only 2 rows");
        assertThatThrownBy(() -> StratifiedFolds.splits(labels("LD"), 2, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("need at least one repeat, got 0");
    }

    @Test
    void rowsOfOneSongAlwaysShareAFoldAndFoldsStayStratified() {
        // GIVEN 40 songs, every fourth listed twice (as in an export of two playlists), 30 likes and 10 dislikes
        List<String> ids = new java.util.ArrayList<>();
        StringBuilder labels = new StringBuilder();
        for (int song = 0; song < 40; song++) {
            int rows = song % 4 == 0 ? 2 : 1;
            for (int r = 0; r < rows; r++) {
                ids.add("song-" + song);
                labels.append(song % 4 == 1 ? 'D' : 'L');
            }
        }
        boolean[] liked = labels(labels.toString());
        int[] song = StratifiedFolds.groupsOf(ids);

        // WHEN
        List<Split> splits = StratifiedFolds.splits(liked, song, 5, 3, 7);

        // THEN no song is on both sides of a split, and every fold tests 2 of the 10 dislikes
        assertThat(splits).hasSize(15).allSatisfy(split -> {
            java.util.Set<String> tested = Arrays.stream(split.test()).mapToObj(ids::get).collect(java.util.stream.Collectors.toSet());
            assertThat(Arrays.stream(split.train()).mapToObj(ids::get)).doesNotContainAnyElementsOf(tested);
            assertThat(split.test().length - likesAmong(split.test(), liked)).isEqualTo(2);
        });
    }

    @Test
    void groupsNumberEqualKeysAlikeFromZero() {
        assertThat(StratifiedFolds.groupsOf(List.of("a", "b", "a", "c", "b"))).containsExactly(0, 1, 0, 2, 1);
    }

    @Test
    void withEveryRowAloneTheGroupedDealIsTheRoundRobinDeal() {
        boolean[] liked = labels("LLLLLLLDDDLLDLD");

        assertThat(StratifiedFolds.stratifiedFoldAssignment(liked, IntStream.range(0, 15).toArray(), 4, new Random(3)))
                .containsExactly(StratifiedFolds.stratifiedFoldAssignment(liked, 4, new Random(3)));
    }

    @Test
    void refusesMoreFoldsThanDistinctSongs() {
        assertThatThrownBy(() -> StratifiedFolds.splits(labels("LLDD"), StratifiedFolds.groupsOf(List.of("a", "a", "b", "b")), 3, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("3 folds for only 2 distinct songs");
    }

    @Test
    void splitsCannotBeChangedFromOutside() {
        Split split = StratifiedFolds.splits(TEN_LIKES_FIVE_DISLIKES, 5, 1, 0).getFirst();
        int firstTestRow = split.test()[0];

        split.test()[0] = -1;

        assertThat(split.test()[0]).isEqualTo(firstTestRow);
    }

    private static int likesAmong(int[] rows, boolean[] liked) {
        return (int) Arrays.stream(rows).filter(i -> liked[i]).count();
    }

    private static boolean[] labels(String likesAndDislikes) {
        boolean[] liked = new boolean[likesAndDislikes.length()];
        for (int i = 0; i < liked.length; i++) {
            liked[i] = likesAndDislikes.charAt(i) == 'L';
        }
        return liked;
    }
}
