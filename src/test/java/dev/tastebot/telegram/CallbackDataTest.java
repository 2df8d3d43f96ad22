package dev.tastebot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.chat.Reaction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallbackDataTest {

    @Test
    void aCardsButtonsReadBackWithTheOwnersName() {
        String data = CallbackData.rate(Reaction.DISLIKE, Optional.of("Ana"));

        assertThat(data).isEqualTo("dislike|Ana");
        assertThat(CallbackData.read(data)).isEqualTo(new CallbackData.Press.Rate(Reaction.DISLIKE, Optional.of("Ana")));
        assertThat(CallbackData.read("stop")).isEqualTo(new CallbackData.Press.Rate(Reaction.STOP, Optional.empty()));
    }

    @Test
    void aLongNameIsCutToTelegrams64BytesWithoutBreakingACharacter() {
        String data = CallbackData.rate(Reaction.LIKE, Optional.of("Ж".repeat(40) + "🎵".repeat(10)));

        assertThat(data.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(CallbackData.MAX_BYTES);
        assertThat(data).startsWith("like|Ж").doesNotContain("\uFFFD");
        assertThat(Character.isHighSurrogate(data.charAt(data.length() - 1))).isFalse();
    }

    @Test
    void aChoicesButtonCarriesItsValueAsSentAndOneTooLongForTelegramGetsNoButton() {
        assertThat(CallbackData.pick("2b8fOow8UzyDFAE27YhOZM")).contains("pick:2b8fOow8UzyDFAE27YhOZM");
        assertThat(CallbackData.read("pick:2b8fOow8UzyDFAE27YhOZM")).isEqualTo(new CallbackData.Press.Pick("2b8fOow8UzyDFAE27YhOZM"));
        // read as sent: whether it names a track is the core's to say
        assertThat(CallbackData.read("pick:like|x")).isEqualTo(new CallbackData.Press.Pick("like|x"));
        assertThat(CallbackData.pick("a".repeat(60))).isEmpty();
    }

    @Test
    void forgetButtonsNameTheUserAndAnythingElseIsUnknown() {
        assertThat(CallbackData.read(CallbackData.forget(42))).isEqualTo(new CallbackData.Press.Forget(42));
        assertThat(CallbackData.read(CallbackData.keep(42))).isEqualTo(new CallbackData.Press.Keep(42));
        assertThat(CallbackData.read("forget:me")).isInstanceOf(CallbackData.Press.Unknown.class);
        assertThat(CallbackData.read(null)).isInstanceOf(CallbackData.Press.Unknown.class);
    }
}
