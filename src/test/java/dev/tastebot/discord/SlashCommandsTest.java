package dev.tastebot.discord;

import static dev.tastebot.discord.Options.attachment;
import static dev.tastebot.discord.Options.bool;
import static dev.tastebot.discord.Options.integer;
import static dev.tastebot.discord.Options.interaction;
import static dev.tastebot.discord.Options.string;
import static dev.tastebot.discord.Options.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.tastebot.chat.ChatCommand;
import dev.tastebot.chat.CommandNaming;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import org.junit.jupiter.api.Test;

class SlashCommandsTest {

    private static Map<String, SlashCommandData> definitions() {
        return SlashCommands.definitions().stream().collect(Collectors.toMap(SlashCommandData::getName, Function.identity()));
    }

    private static OptionData option(String command, String option) {
        return definitions().get(command).getOptions().stream()
                .filter(o -> o.getName().equals(option)).findFirst()
                .orElseThrow(() -> new AssertionError("/" + command + " has no option " + option));
    }

    private static ChatCommand commandOf(SlashRequest request) {
        assertThat(request).isInstanceOf(SlashRequest.Run.class);
        return ((SlashRequest.Run) request).command();
    }

    @Test
    void declaresEveryCommandForServersAndTheBotsDms() {
        // WHEN the definitions are built
        Map<String, SlashCommandData> commands = definitions();

        // THEN there are the eleven commands, each usable in a server and in a DM with the bot
        assertThat(commands).containsOnlyKeys("rate", "playlist", "will-i-like", "stats", "daily", "forget-me", "help", "link",
                "unlink", "import", "retrain");
        assertThat(commands.values()).allSatisfy(command -> {
            assertThat(command.getContexts()).containsExactlyInAnyOrder(InteractionContextType.GUILD, InteractionContextType.BOT_DM);
            assertThat(command.getIntegrationTypes()).containsExactly(IntegrationType.GUILD_INSTALL);
            assertThat(command.getDescription()).isNotBlank();
        });
    }

    @Test
    void declaresEachOptionWithItsTypeAndWhetherItIsRequired() {
        assertThat(option("rate", "stop")).extracting(OptionData::getType, OptionData::isRequired).containsExactly(OptionType.BOOLEAN, false);
        assertThat(option("forget-me", "confirm")).extracting(OptionData::getType, OptionData::isRequired).containsExactly(OptionType.BOOLEAN, false);
        assertThat(option("import", "file")).extracting(OptionData::getType, OptionData::isRequired).containsExactly(OptionType.ATTACHMENT, true);
        assertThat(option("daily", "timezone")).extracting(OptionData::getType, OptionData::isRequired).containsExactly(OptionType.STRING, false);
        assertThat(option("retrain", "user")).extracting(OptionData::getType, OptionData::isRequired).containsExactly(OptionType.USER, false);
        assertThat(definitions().get("stats").getOptions()).isEmpty();
    }

    @Test
    void theTrackOfWillILikeIsRequiredAndAutocompleted() {
        OptionData track = option("will-i-like", "track");

        assertThat(track.getType()).isEqualTo(OptionType.STRING);
        assertThat(track.isRequired()).isTrue();
        assertThat(track.isAutoComplete()).isTrue();
    }

    @Test
    void dailyOffersOnAndOffAndAnHourFrom0To23() {
        OptionData mode = option("daily", "mode");
        OptionData hour = option("daily", "hour");

        assertThat(mode.isRequired()).as("without it, /daily shows the setting").isFalse();
        assertThat(mode.getChoices()).extracting(Command.Choice::getAsString).containsExactly("on", "off");
        assertThat(hour.getType()).isEqualTo(OptionType.INTEGER);
        assertThat(hour.isRequired()).isFalse();
        assertThat(hour.getMinValue().longValue()).isZero();
        assertThat(hour.getMaxValue().longValue()).isEqualTo(23);
    }

    @Test
    void rateStartsASessionUnlessAskedToStop() {
        assertThat(commandOf(SlashCommands.translate(interaction("rate")))).isEqualTo(new ChatCommand.Rate());
        assertThat(commandOf(SlashCommands.translate(interaction("rate", bool("stop", false))))).isEqualTo(new ChatCommand.Rate());
        assertThat(commandOf(SlashCommands.translate(interaction("rate", bool("stop", true))))).isEqualTo(new ChatCommand.StopRating());
    }

    @Test
    void willILikeTakesTheTrackWithoutSurroundingSpace() {
        SlashRequest request = SlashCommands.translate(interaction("will-i-like", string("track", "  https://open.spotify.com/track/abc ")));

        assertThat(commandOf(request)).isEqualTo(new ChatCommand.WillILike("https://open.spotify.com/track/abc"));
    }

    @Test
    void willILikeWithABlankTrackIsRefused() {
        SlashRequest request = SlashCommands.translate(interaction("will-i-like", string("track", "   ")));

        assertThat(request).isInstanceOf(SlashRequest.Refuse.class);
    }

    @Test
    void dailyOnWithoutHourOrTimeZone() {
        SlashRequest request = SlashCommands.translate(interaction("daily", string("mode", "on")));

        assertThat(commandOf(request)).isEqualTo(new ChatCommand.Daily(true, OptionalInt.empty(), Optional.empty()));
    }

    @Test
    void dailyOnWithHourAndTimeZone() {
        SlashRequest request = SlashCommands.translate(interaction("daily",
                string("mode", "on"), integer("hour", 7), string("timezone", "Europe/Berlin")));

        assertThat(commandOf(request)).isEqualTo(new ChatCommand.Daily(true, OptionalInt.of(7), Optional.of("Europe/Berlin")));
    }

    @Test
    void dailyOff() {
        SlashRequest request = SlashCommands.translate(interaction("daily", string("mode", "off")));

        assertThat(commandOf(request)).isEqualTo(new ChatCommand.Daily(false, OptionalInt.empty(), Optional.empty()));
    }

    @Test
    void dailyWithAnHourOutOfRangeOrAnUnknownModeIsRefused() {
        assertThat(SlashCommands.translate(interaction("daily", string("mode", "on"), integer("hour", 24))))
                .isInstanceOf(SlashRequest.Refuse.class);
        assertThat(SlashCommands.translate(interaction("daily", string("mode", "sometimes"))))
                .isInstanceOf(SlashRequest.Refuse.class);
    }

    @Test
    void forgetMeDeletesOnlyWhenConfirmed() {
        assertThat(commandOf(SlashCommands.translate(interaction("forget-me")))).isEqualTo(new ChatCommand.ForgetMe(false));
        assertThat(commandOf(SlashCommands.translate(interaction("forget-me", bool("confirm", false))))).isEqualTo(new ChatCommand.ForgetMe(false));
        assertThat(commandOf(SlashCommands.translate(interaction("forget-me", bool("confirm", true))))).isEqualTo(new ChatCommand.ForgetMe(true));
    }

    @Test
    void commandsWithoutOptions() {
        assertThat(commandOf(SlashCommands.translate(interaction("stats")))).isEqualTo(new ChatCommand.Stats());
        assertThat(commandOf(SlashCommands.translate(interaction("help")))).isEqualTo(new ChatCommand.Help(CommandNaming.HYPHENS));
        assertThat(commandOf(SlashCommands.translate(interaction("link")))).isEqualTo(new ChatCommand.Link(java.util.Optional.empty()));
        assertThat(commandOf(SlashCommands.translate(interaction("link", string("url", "http://127.0.0.1:8080/callback?code=c&state=s")))))
                .isEqualTo(new ChatCommand.Link(java.util.Optional.of("http://127.0.0.1:8080/callback?code=c&state=s")));
        assertThat(commandOf(SlashCommands.translate(interaction("unlink")))).isEqualTo(new ChatCommand.Unlink());
        assertThat(commandOf(SlashCommands.translate(interaction("playlist")))).isEqualTo(new ChatCommand.Playlist());
    }

    @Test
    void retrainIsYourOwnModelUnlessAUserIsNamed() {
        assertThat(commandOf(SlashCommands.translate(interaction("retrain")))).isEqualTo(new ChatCommand.Retrain(Optional.empty()));
        assertThat(commandOf(SlashCommands.translate(interaction("retrain", user("user", 80351110224678912L)))))
                .isEqualTo(new ChatCommand.Retrain(Optional.of("discord:80351110224678912")));
    }

    @Test
    void importAsksForTheAttachedFileToBeDownloaded() {
        Message.Attachment file = mock(Message.Attachment.class);

        SlashRequest request = SlashCommands.translate(interaction("import", attachment("file", file)));

        assertThat(request).isInstanceOfSatisfying(SlashRequest.Upload.class, upload -> {
            assertThat(upload.file()).isSameAs(file);
            assertThat(upload.command().name()).isEqualTo("import");
            assertThat(upload.option()).isEqualTo("file");
        });
    }

    @Test
    void aCommandThisVersionDoesNotKnowIsRefused() {
        SlashRequest request = SlashCommands.translate(interaction("recommend"));

        assertThat(request).isInstanceOfSatisfying(SlashRequest.Refuse.class,
                refuse -> assertThat(refuse.message().plain()).contains("/help"));
    }

    @Test
    void whatMayPostSongsToRateIsPublicAndPersonalMattersArePrivate() {
        assertThat(List.of(interaction("rate"), interaction("rate", bool("stop", true)), interaction("playlist"),
                interaction("will-i-like", string("track", "x"))))
                .noneMatch(command -> SlashCommands.translate(command).answersPrivately());
        assertThat(List.of(interaction("stats"), interaction("forget-me"), interaction("link"), interaction("unlink"),
                interaction("retrain"), interaction("import", attachment("file", mock(Message.Attachment.class)))))
                .allMatch(command -> SlashCommands.translate(command).answersPrivately());
    }
}
