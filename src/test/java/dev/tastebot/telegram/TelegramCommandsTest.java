package dev.tastebot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.chat.ChatCommand;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TelegramCommandsTest {
    private static final String BOT = "tastebot_bot";

    private static TelegramCommands.Parsed parse(String text) {
        return TelegramCommands.parse(text, BOT);
    }

    @Test
    void everyMenuEntryFitsTelegramsRules() {
        assertThat(TelegramCommands.MENU).allSatisfy(entry -> {
            assertThat(entry.name()).matches("[a-z0-9_]{1,32}");
            assertThat(entry.description()).hasSizeBetween(1, 256);
        });
    }

    @Test
    void commandsReadWithTheirArgumentsInTelegramsSpellingAndDiscords() {
        assertThat(parse("/will_i_like Daft Punk - One More Time"))
                .isEqualTo(new TelegramCommands.Parsed.Run(new ChatCommand.WillILike("Daft Punk - One More Time")));
        assertThat(parse("/will-i-like https://open.spotify.com/track/x"))
                .isEqualTo(new TelegramCommands.Parsed.Run(new ChatCommand.WillILike("https://open.spotify.com/track/x")));
        assertThat(parse("/daily on 8 Europe/Paris"))
                .isEqualTo(new TelegramCommands.Parsed.Run(new ChatCommand.Daily(true, OptionalInt.of(8), Optional.of("Europe/Paris"))));
        assertThat(parse("/rate stop")).isEqualTo(new TelegramCommands.Parsed.Run(new ChatCommand.StopRating()));
        assertThat(parse("/start")).isEqualTo(new TelegramCommands.Parsed.Run(new ChatCommand.Help()));
        assertThat(parse("/forget_me")).isEqualTo(new TelegramCommands.Parsed.Run(new ChatCommand.ForgetMe(false)));
        assertThat(parse("/import")).isInstanceOf(TelegramCommands.Parsed.Import.class);
    }

    @Test
    void aCommandNamingThisBotIsOursAndOneNamingAnotherIsNot() {
        assertThat(parse("/rate@TasteBot_Bot")).isEqualTo(new TelegramCommands.Parsed.Run(new ChatCommand.Rate()));
        assertThat(parse("/rate@other_bot")).isInstanceOf(TelegramCommands.Parsed.NotOurs.class);
        assertThat(parse("/weather")).isEqualTo(new TelegramCommands.Parsed.NotOurs("/weather"));
    }

    @Test
    void aCommandAskedWronglyIsAnsweredWithHowToAsk() {
        assertThat(parse("/daily sometimes")).isInstanceOfSatisfying(TelegramCommands.Parsed.Answer.class,
                answer -> assertThat(answer.text().plain()).startsWith("Send /daily on"));
        assertThat(parse("/daily on nine")).isInstanceOfSatisfying(TelegramCommands.Parsed.Answer.class,
                answer -> assertThat(answer.text().plain()).contains("\"nine\""));
    }
}
