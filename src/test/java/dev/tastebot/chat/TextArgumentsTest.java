package dev.tastebot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Words after a command's name on text platforms, read by its declaration. */
class TextArgumentsTest {
    private static CommandRead read(String command, String words) {
        return TextArguments.read(ChatCommands.named(command).orElseThrow(), words, CommandNaming.UNDERSCORES);
    }

    private static String refusal(String command, String words) {
        CommandRead read = read(command, words);
        assertThat(read).isInstanceOf(CommandRead.Refused.class);
        return ((CommandRead.Refused) read).message().plain();
    }

    @Test
    void aFlagIsItsNameAsAWord() {
        assertThat(read("rate", "")).isEqualTo(new CommandRead.Ready(new ChatCommand.Rate()));
        assertThat(read("rate", "STOP")).isEqualTo(new CommandRead.Ready(new ChatCommand.StopRating()));
        assertThat(read("forget_me", "confirm")).isEqualTo(new CommandRead.Ready(new ChatCommand.ForgetMe(true)));
    }

    @Test
    void theLastTextOptionTakesTheRestOfTheLineAsTyped() {
        assertThat(read("will_i_like", "  Daft Punk  -  One More Time "))
                .isEqualTo(new CommandRead.Ready(new ChatCommand.WillILike("Daft Punk  -  One More Time")));
    }

    @Test
    void optionsTakeTheWordsInOrderAndAnOptionalNumberMayBeLeftOut() {
        assertThat(read("daily", "on 7 Europe/Paris"))
                .isEqualTo(new CommandRead.Ready(new ChatCommand.Daily(true, OptionalInt.of(7), Optional.of("Europe/Paris"))));
        assertThat(read("daily", "on europe/berlin"))
                .isEqualTo(new CommandRead.Ready(new ChatCommand.Daily(true, OptionalInt.empty(), Optional.of("europe/berlin"))));
        assertThat(read("daily", "off")).isEqualTo(new CommandRead.Ready(new ChatCommand.Daily(false, OptionalInt.empty(), Optional.empty())));
    }

    @Test
    void wordsLeftOverAreRefusedAndEchoedAsOutsideText() {
        assertThat(refusal("playlist", "now please")).isEqualTo("I don't know what to make of \"now\". Use: /playlist");
        CommandRead hostile = read("stats", "**<@123>**");
        assertThat(hostile).isInstanceOfSatisfying(CommandRead.Refused.class, refused -> assertThat(refused.message().spans())
                .anySatisfy(span -> assertThat(span).isInstanceOf(dev.tastebot.text.RichText.Span.Outside.class)));
    }

    @Test
    void missingAndOutOfRangeValuesAreRefusedWithTheUsageInThePlatformsNaming() {
        assertThat(refusal("will_i_like", "")).endsWith("Use: /will_i_like <track>");
        assertThat(refusal("daily", "on 99")).isEqualTo("The hour is a whole number from 0 to 23. Use: /daily [on|off] [hour 0-23] [timezone]");
        assertThat(read("daily", "")).isEqualTo(new CommandRead.Ready(new ChatCommand.ShowDaily()));
        assertThat(refusal("daily", "7")).startsWith("The mode is on or off.");
    }
}
