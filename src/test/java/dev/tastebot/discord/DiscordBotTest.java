package dev.tastebot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tastebot.chat.UserLanes;
import java.time.Clock;
import dev.tastebot.config.Secret;
import dev.tastebot.config.TastebotConfig;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.requests.GatewayIntent;
import org.junit.jupiter.api.Test;

/** Never starts the bot: that would connect to Discord. */
class DiscordBotTest {

    @Test
    void asksOnlyForReactionEvents() {
        assertThat(DiscordBot.INTENTS).containsExactlyInAnyOrder(GatewayIntent.GUILD_MESSAGE_REACTIONS, GatewayIntent.DIRECT_MESSAGE_REACTIONS);
        assertThat(DiscordBot.INTENTS).doesNotContain(GatewayIntent.MESSAGE_CONTENT, GatewayIntent.GUILD_MEMBERS, GatewayIntent.GUILD_PRESENCES);
    }

    @Test
    void refusesAConfigurationWithoutToken() {
        TastebotConfig.Discord noToken = new TastebotConfig.Discord(Optional.empty(), List.of(), List.of());

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DiscordBot(noToken, new RecordingChatService(), Runnable::run, new UserLanes(Runnable::run), Clock.systemUTC()))
                .withMessageContaining("token");
    }

    @Test
    void shuttingDownABotThatNeverStartedDoesNothing() {
        TastebotConfig.Discord config = new TastebotConfig.Discord(Optional.of(new Secret("not-a-real-token")), List.of(), List.of());

        try (DiscordBot bot = new DiscordBot(config, new RecordingChatService(), Runnable::run, new UserLanes(Runnable::run), Clock.systemUTC())) {
            bot.shutdown();
            org.assertj.core.api.Assertions.assertThat(bot.isConnected()).isFalse();
        }
    }
}
