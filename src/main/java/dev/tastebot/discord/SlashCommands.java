package dev.tastebot.discord;

import dev.tastebot.chat.ChatCommands;
import dev.tastebot.chat.CommandDeclaration;
import dev.tastebot.chat.CommandInput;
import dev.tastebot.chat.CommandNaming;
import dev.tastebot.chat.CommandOption;
import dev.tastebot.chat.CommandRead;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.interactions.IntegrationType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * The chat commands' declarations ({@link ChatCommands}) as Discord slash commands, and an
 * interaction with one read back into a {@link SlashRequest}.
 */
final class SlashCommands {

    private SlashCommands() {
    }

    /** Fresh command data on every call: JDA's builders are mutable. */
    static List<SlashCommandData> definitions() {
        return ChatCommands.ALL.stream().map(SlashCommands::definition).toList();
    }

    private static SlashCommandData definition(CommandDeclaration command) {
        // Usable in servers and in the bot's DMs, for a bot installed in a server.
        SlashCommandData data = Commands.slash(command.name(), command.summary())
                .setContexts(InteractionContextType.GUILD, InteractionContextType.BOT_DM)
                .setIntegrationTypes(IntegrationType.GUILD_INSTALL);
        command.options().forEach(option -> data.addOptions(option(option)));
        return data;
    }

    private static OptionData option(CommandOption option) {
        OptionData data = new OptionData(type(option.kind()), option.name(), option.description(), option.required(),
                option.autocomplete());
        switch (option.kind()) {
            case WHOLE_NUMBER -> data.setRequiredRange(option.min(), option.max());
            case CHOICE -> option.choices().forEach(choice -> data.addChoice(choice, choice));
            case TEXT -> {
                if (option.maxLength() > 0) {
                    data.setMaxLength(Math.min(option.maxLength(), OptionData.MAX_STRING_OPTION_LENGTH));
                }
            }
            case FLAG, USER, FILE -> {
            }
        }
        return data;
    }

    private static OptionType type(CommandOption.Kind kind) {
        return switch (kind) {
            case TEXT, CHOICE -> OptionType.STRING;
            case WHOLE_NUMBER -> OptionType.INTEGER;
            case FLAG -> OptionType.BOOLEAN;
            case USER -> OptionType.USER;
            case FILE -> OptionType.ATTACHMENT;
        };
    }

    /** Reads a slash interaction; does no I/O, so it may run on the gateway thread. */
    static SlashRequest translate(CommandInteractionPayload interaction) {
        Optional<CommandDeclaration> declared = ChatCommands.named(interaction.getName());
        if (declared.isEmpty()) {
            return new SlashRequest.Refuse("I don't know that command any more; try /help.");
        }
        CommandDeclaration command = declared.get();
        CommandInput.Builder input = CommandInput.builder(CommandNaming.HYPHENS);
        Optional<OptionMapping> upload = Optional.empty();
        String uploadOption = "";
        for (CommandOption option : command.options()) {
            OptionMapping given = interaction.getOption(option.name());
            if (given == null) {
                continue;
            }
            switch (option.kind()) {
                case TEXT, CHOICE -> input.text(option.name(), given.getAsString());
                case WHOLE_NUMBER -> input.wholeNumber(option.name(), (int) Math.clamp(given.getAsLong(), Integer.MIN_VALUE, Integer.MAX_VALUE));
                case FLAG -> input.flag(option.name(), given.getAsBoolean());
                case USER -> input.user(option.name(), DiscordUsers.userId(given.getAsLong()));
                case FILE -> {
                    upload = Optional.of(given);
                    uploadOption = option.name();
                }
            }
        }
        if (upload.isPresent()) {
            return new SlashRequest.Upload(upload.get().getAsAttachment(), command, uploadOption, input.build());
        }
        return switch (command.read(input.build())) {
            case CommandRead.Ready ready -> new SlashRequest.Run(ready.command(), command.privateAnswer());
            case CommandRead.Refused refused -> new SlashRequest.Refuse(refused.message());
        };
    }
}
