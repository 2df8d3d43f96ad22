package dev.tastebot.discord;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import gnu.trove.map.hash.TLongObjectHashMap;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.utils.data.DataObject;

/** Slash command options as JDA builds them from Discord's JSON, so that their typed getters are JDA's own. */
final class Options {
    private static final long ATTACHMENT_ID = 4242L;

    private Options() {
    }

    static OptionMapping bool(String name, boolean value) {
        return option(name, OptionType.BOOLEAN, value, new TLongObjectHashMap<>());
    }

    static OptionMapping string(String name, String value) {
        return option(name, OptionType.STRING, value, new TLongObjectHashMap<>());
    }

    static OptionMapping integer(String name, long value) {
        return option(name, OptionType.INTEGER, value, new TLongObjectHashMap<>());
    }

    /** A user option as Discord sends it: the user's id, as a string. */
    static OptionMapping user(String name, long userId) {
        return option(name, OptionType.USER, Long.toUnsignedString(userId), new TLongObjectHashMap<>());
    }

    static OptionMapping attachment(String name, Message.Attachment file) {
        TLongObjectHashMap<Object> resolved = new TLongObjectHashMap<>();
        resolved.put(ATTACHMENT_ID, file);
        return option(name, OptionType.ATTACHMENT, Long.toString(ATTACHMENT_ID), resolved);
    }

    /** A slash interaction named {@code name} with these options and no others. */
    static CommandInteractionPayload interaction(String name, OptionMapping... options) {
        CommandInteractionPayload interaction = mock(CommandInteractionPayload.class);
        stub(interaction, name, options);
        return interaction;
    }

    /** Gives any interaction mock its name and options; an option not given is absent (null), as in JDA. */
    static void stub(CommandInteractionPayload interaction, String name, OptionMapping... options) {
        Map<String, OptionMapping> byName = Arrays.stream(options).collect(Collectors.toMap(OptionMapping::getName, Function.identity()));
        when(interaction.getName()).thenReturn(name);
        when(interaction.getOption(anyString())).thenAnswer(call -> byName.get(call.<String>getArgument(0)));
    }

    private static OptionMapping option(String name, OptionType type, Object value, TLongObjectHashMap<Object> resolved) {
        DataObject json = DataObject.empty().put("name", name).put("type", type.getKey()).put("value", value);
        return new OptionMapping(json, resolved, null, null);
    }
}
