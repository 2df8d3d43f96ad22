package dev.tastebot.recommend;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The batch every picker offers on top of its one-at-a-time {@code next}. */
class CandidatePickerTest {

    /** A picker that offers the given track ids in turn, then nothing. */
    private static final class Offers implements CandidatePicker {
        private final Deque<String> ids;
        private int asked;

        Offers(String... ids) {
            this.ids = new ArrayDeque<>(List.of(ids));
        }

        @Override
        public Optional<Candidate> next(String userId) {
            asked++;
            return Optional.ofNullable(ids.poll()).map(id -> new Candidate(id, "because " + id));
        }
    }

    @Test
    void aBatchKeepsTheOrderAndSkipsSongsOfferedAgain() {
        Offers picker = new Offers("a", "b", "a", "c", "d");

        assertThat(picker.batch("u", 3)).containsExactly(new Candidate("a", "because a"), new Candidate("b", "because b"),
                new Candidate("c", "because c"));
        assertThat(picker.asked).isEqualTo(4);
    }

    @Test
    void aBatchEndsWhenThePickerHasNothingLeft() {
        Offers picker = new Offers("a", "b");

        assertThat(picker.batch("u", 10)).extracting(Candidate::trackId).containsExactly("a", "b");
        assertThat(picker.asked).isEqualTo(3);
    }

    @Test
    void aPickerThatKeepsOfferingTheSameSongIsAskedAtMostTwiceTheBatchSize() {
        Offers picker = new Offers("a", "a", "a", "a", "a", "a", "a", "a");

        assertThat(picker.batch("u", 3)).extracting(Candidate::trackId).containsExactly("a");
        assertThat(picker.asked).isEqualTo(6);
    }
}
