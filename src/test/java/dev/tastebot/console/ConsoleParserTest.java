package dev.tastebot.console;

import dev.tastebot.chat.ChatCommand;
import dev.tastebot.chat.Reaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleParserTest {
    @TempDir
    Path folder;

    private ConsoleInput parse(String line) {
        return new ConsoleParser(folder).parse(line);
    }

    /** What the console answers itself to {@code line}, as printed. */
    private String answer(String line) {
        assertThat(parse(line)).isInstanceOf(ConsoleInput.Answer.class);
        return ConsoleText.render(((ConsoleInput.Answer) parse(line)).text());
    }

    @Test
    void commandsAreTypedAsOnDiscord() {
        assertThat(parse("/rate")).isEqualTo(new ConsoleInput.Command(new ChatCommand.Rate()));
        assertThat(parse("/rate stop")).isEqualTo(new ConsoleInput.Command(new ChatCommand.StopRating()));
        assertThat(parse("/Playlist")).isEqualTo(new ConsoleInput.Command(new ChatCommand.Playlist()));
        assertThat(parse("/will-i-like Daft Punk - One More Time"))
                .isEqualTo(new ConsoleInput.Command(new ChatCommand.WillILike("Daft Punk - One More Time")));
        assertThat(parse("/will_i_like Air")).isEqualTo(new ConsoleInput.Command(new ChatCommand.WillILike("Air")));
        assertThat(parse("/daily on Europe/Paris"))
                .isEqualTo(new ConsoleInput.Command(new ChatCommand.Daily(true, OptionalInt.empty(), Optional.of("Europe/Paris"))));
        assertThat(parse("  /stats  ")).isEqualTo(new ConsoleInput.Command(new ChatCommand.Stats()));
        assertThat(parse("/forget-me")).isEqualTo(new ConsoleInput.Command(new ChatCommand.ForgetMe(false)));
        assertThat(parse("/forget-me confirm")).isEqualTo(new ConsoleInput.Command(new ChatCommand.ForgetMe(true)));
        assertThat(parse("/daily on 7 Europe/Paris"))
                .isEqualTo(new ConsoleInput.Command(new ChatCommand.Daily(true, OptionalInt.of(7), Optional.of("Europe/Paris"))));
        assertThat(parse("/daily off")).isEqualTo(new ConsoleInput.Command(new ChatCommand.Daily(false, OptionalInt.empty(), Optional.empty())));
        assertThat(parse("/link")).isEqualTo(new ConsoleInput.Command(new ChatCommand.Link(Optional.empty())));
        assertThat(parse("/link http://127.0.0.1:8080/callback?code=c&state=s"))
                .isEqualTo(new ConsoleInput.Command(new ChatCommand.Link(Optional.of("http://127.0.0.1:8080/callback?code=c&state=s"))));
        assertThat(parse("/retrain")).isEqualTo(new ConsoleInput.Command(new ChatCommand.Retrain(Optional.empty())));
        assertThat(parse("/retrain discord:123456789"))
                .isEqualTo(new ConsoleInput.Command(new ChatCommand.Retrain(Optional.of("discord:123456789"))));
        assertThat(parse("/quit")).isInstanceOf(ConsoleInput.Quit.class);
        assertThat(parse("")).isInstanceOf(ConsoleInput.Nothing.class);
    }

    @ParameterizedTest
    @CsvSource({"+, LIKE", "-, DISLIKE", "stop, STOP", "👍, LIKE", "👎, DISLIKE", "⏹️, STOP", "⏹, STOP"})
    void reactionsAreTypedOrPasted(String typed, Reaction reaction) {
        assertThat(parse(typed)).isEqualTo(new ConsoleInput.React(reaction, OptionalInt.empty()));
    }

    @ParameterizedTest
    @CsvSource({"+2, LIKE, 2", "-13, DISLIKE, 13", "+ 4, LIKE, 4"})
    void aSongIsRatedByItsNumber(String typed, Reaction reaction, int song) {
        assertThat(parse(typed)).isEqualTo(new ConsoleInput.React(reaction, OptionalInt.of(song)));
    }

    @ParameterizedTest
    @CsvSource({"2, 2", " 13 , 13", "0, 0"})
    void aNumberAlonePicksAMatch(String typed, int number) {
        assertThat(parse(typed)).isEqualTo(new ConsoleInput.Pick(number));
    }

    @Test
    void badInputGetsAShortHint() {
        assertThat(answer("/dance")).isEqualTo("I don't know /dance; /help lists the commands.");
        assertThat(parse("hello")).isInstanceOf(ConsoleInput.Answer.class);
        assertThat(parse("/daily")).isEqualTo(new ConsoleInput.Command(new ChatCommand.ShowDaily()));
        assertThat(answer("/WILL-I-LIKE")).isEqualTo(
                "Which track? A Spotify link, URI or track id, or a title to search. Use: /will-i-like <track>");
        assertThat(answer("/daily sometimes")).isEqualTo("The mode is on or off. Use: /daily [on|off] [hour 0-23] [timezone]");
        assertThat(answer("/daily on 24")).isEqualTo("The hour is a whole number from 0 to 23. Use: /daily [on|off] [hour 0-23] [timezone]");
        assertThat(answer("/rate now")).isEqualTo("I don't know what to make of \"now\". Use: /rate [stop]");
        assertThat(answer("/playlist 20")).isEqualTo("I don't know what to make of \"20\". Use: /playlist");
        assertThat(parse("/forget-me please")).isInstanceOf(ConsoleInput.Answer.class);
        assertThat(answer("/retrain my friend")).isEqualTo("I don't know what to make of \"friend\". Use: /retrain [user]");
        assertThat(answer("/retrain friend")).isEqualTo(
                "A user is written like discord:123456789 or telegram:123456789. Use: /retrain [user]");
        assertThat(answer("/" + "x".repeat(100))).isEqualTo("I don't know /" + "x".repeat(38) + "…; /help lists the commands.");
    }

    @Test
    void importReadsTheNamedFile() throws IOException {
        Files.writeString(folder.resolve("YourLibrary.json"), "{\"tracks\": []}");

        ConsoleInput input = parse("/import YourLibrary.json");

        assertThat(input).isInstanceOf(ConsoleInput.Command.class);
        ChatCommand.Import command = (ChatCommand.Import) ((ConsoleInput.Command) input).command();
        assertThat(command.fileName()).isEqualTo("YourLibrary.json");
        assertThat(new String(command.content())).isEqualTo("{\"tracks\": []}");
        assertThat(answer("/import missing.json")).isEqualTo("There is no file missing.json.");
        assertThat(parse("/import")).isInstanceOf(ConsoleInput.Answer.class);
    }
}
