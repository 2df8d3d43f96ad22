package dev.tastebot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.chat.ChatCommand;
import dev.tastebot.chat.ChatCommands;
import dev.tastebot.chat.CommandNaming;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class TelegramCommandsTest {
    private static final String BOT = "tastebot_bot";

    private static TelegramCommands.Parsed parse(String text) {
        return TelegramCommands.parse(text, BOT);
    }

    @Test
    void theMenuIsEveryDeclaredCommandInNamesTelegramAccepts() {
        assertThat(TelegramCommands.MENU).hasSize(ChatCommands.ALL.size()).allSatisfy(entry -> {
            assertThat(entry.name()).matches("[a-z0-9_]{1,32}");
            assertThat(entry.description()).hasSizeBetween(1, 256);
        });
        assertThat(TelegramCommands.MENU).extracting(TelegramCommands.Entry::name).contains("will_i_like", "forget_me");
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
        assertThat(parse("/start")).isEqualTo(new TelegramCommands.Parsed.Run(new ChatCommand.Help(CommandNaming.UNDERSCORES)));
        assertThat(parse("/help")).isEqualTo(new TelegramCommands.Parsed.Run(new ChatCommand.Help(CommandNaming.UNDERSCORES)));
        assertThat(parse("/forget_me")).isEqualTo(new TelegramCommands.Parsed.Run(new ChatCommand.ForgetMe(false)));
        assertThat(parse("/forget_me confirm")).isEqualTo(new TelegramCommands.Parsed.Run(new ChatCommand.ForgetMe(true)));
        assertThat(parse("/retrain telegram:77"))
                .isEqualTo(new TelegramCommands.Parsed.Run(new ChatCommand.Retrain(Optional.of("telegram:77"))));
        assertThat(parse("/import")).isInstanceOf(TelegramCommands.Parsed.Upload.class);
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
                answer -> assertThat(answer.text().plain()).contains("Use: /daily"));
        assertThat(parse("/daily on 25")).isInstanceOfSatisfying(TelegramCommands.Parsed.Answer.class,
                answer -> assertThat(answer.text().plain()).contains("from 0 to 23"));
    }
}
