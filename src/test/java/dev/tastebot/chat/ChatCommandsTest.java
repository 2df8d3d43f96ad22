package dev.tastebot.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.text.RichText;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The catalogue every adapter and /help read: complete, and fit for every platform. */
class ChatCommandsTest {

    @Test
    void everyChatCommandComesFromExactlyOneDeclaration() {
        List<Class<?>> declared = ChatCommands.ALL.stream().flatMap(command -> command.produces().stream())
                .<Class<?>>map(type -> type).toList();

        assertThat(declared).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(Arrays.asList(ChatCommand.class.getPermittedSubclasses()));
    }

    @Test
    void everyNameFitsEveryPlatform() {
        assertThat(ChatCommands.ALL).allSatisfy(command -> {
            // Telegram: lowercase letters, digits and underscores, at most 32
            assertThat(CommandNaming.UNDERSCORES.written(command.name())).matches("[a-z0-9_]{1,32}");
            // Discord: at most 100 characters of description, for the command and each option
            assertThat(command.summary()).hasSizeLessThanOrEqualTo(100);
            assertThat(command.options()).allSatisfy(option -> assertThat(option.description()).hasSizeLessThanOrEqualTo(100));
        });
        assertThat(ChatCommands.ALL).extracting(CommandDeclaration::name).doesNotHaveDuplicates();
    }

    @Test
    void aCommandIsFoundHowEverAPlatformWritesIt() {
        assertThat(ChatCommands.named("/will_i_like")).map(CommandDeclaration::name).contains("will-i-like");
        assertThat(ChatCommands.named("/Will-I-Like")).map(CommandDeclaration::name).contains("will-i-like");
        assertThat(ChatCommands.named("forget_me")).map(CommandDeclaration::name).contains("forget-me");
        assertThat(ChatCommands.named("/dance")).isEmpty();
    }

    @Test
    void helpListsEveryCommandAsTheAskersPlatformWritesIt() {
        String hyphens = HelpText.of(CommandNaming.HYPHENS).plain();
        String underscores = HelpText.of(CommandNaming.UNDERSCORES).plain();

        assertThat(ChatCommands.ALL).allSatisfy(command -> {
            assertThat(hyphens).contains(command.usage(CommandNaming.HYPHENS) + ": " + command.help());
            assertThat(underscores).contains(command.usage(CommandNaming.UNDERSCORES));
        });
        assertThat(underscores).contains("/will_i_like <track>").contains("/forget_me [confirm]").doesNotContain("/will-i-like");
    }

    @Test
    void valuesOutsideTheirOptionsAreRefusedWithTheUsage() {
        CommandDeclaration daily = ChatCommands.named("daily").orElseThrow();

        CommandRead lateHour = daily.read(CommandInput.builder(CommandNaming.UNDERSCORES).text("mode", "on").wholeNumber("hour", 25).build());
        CommandRead noMode = daily.read(CommandInput.builder(CommandNaming.HYPHENS).build());
        CommandRead upperCase = daily.read(CommandInput.builder(CommandNaming.HYPHENS).text("mode", "ON").build());

        assertThat(lateHour).isInstanceOfSatisfying(CommandRead.Refused.class, refused -> assertThat(refused.message().plain())
                .isEqualTo("The hour is a whole number from 0 to 23. Use: /daily [on|off] [hour 0-23] [timezone]"));
        assertThat(noMode).isEqualTo(new CommandRead.Ready(new ChatCommand.ShowDaily()));
        assertThat(daily.read(CommandInput.builder(CommandNaming.HYPHENS).wholeNumber("hour", 7).build()))
                .isInstanceOfSatisfying(CommandRead.Refused.class, refused -> assertThat(refused.message().plain())
                        .isEqualTo("Say on or off first. Use: /daily [on|off] [hour 0-23] [timezone]"));
        assertThat(upperCase).isEqualTo(new CommandRead.Ready(new ChatCommand.Daily(true, OptionalInt.empty(), Optional.empty())));
    }

    @Test
    void anAdminsUserOptionMustBeAUserId() {
        CommandDeclaration retrain = ChatCommands.named("retrain").orElseThrow();

        assertThat(retrain.read(CommandInput.builder(CommandNaming.HYPHENS).user("user", "telegram:42").build()))
                .isEqualTo(new CommandRead.Ready(new ChatCommand.Retrain(Optional.of("telegram:42"))));
        assertThat(retrain.read(CommandInput.builder(CommandNaming.HYPHENS).user("user", "<@everyone>").build()))
                .isInstanceOf(CommandRead.Refused.class);
        assertThat(retrain.option("user")).hasValueSatisfying(option -> assertThat(option.adminOnly()).isTrue());
    }

    @Test
    void helpIsAskedForInTheAskersNaming() {
        CommandRead read = ChatCommands.named("help").orElseThrow().read(CommandInput.builder(CommandNaming.UNDERSCORES).build());

        assertThat(read).isEqualTo(new CommandRead.Ready(new ChatCommand.Help(CommandNaming.UNDERSCORES)));
        assertThat(RichText.builder().command("will-i-like").build().plain()).isEqualTo("/will-i-like");
    }
}
