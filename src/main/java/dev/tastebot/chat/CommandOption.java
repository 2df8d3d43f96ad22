package dev.tastebot.chat;

import java.util.List;
import java.util.Objects;

/**
 * One option of a chat command, as every platform offers it: Discord as a typed slash-command
 * option, text platforms as a word (or, for the last text option, the rest of the line).
 *
 * @param min,max the range of a {@link Kind#WHOLE_NUMBER}
 * @param maxLength the longest {@link Kind#TEXT} accepted
 * @param choices the words a {@link Kind#CHOICE} accepts
 * @param autocomplete whether platforms that can suggest values as the user types should
 * @param adminOnly whether only admins may give it (acting for someone else)
 */
public record CommandOption(String name, String description, Kind kind, boolean required, List<String> choices, int min,
                            int max, int maxLength, boolean autocomplete, boolean adminOnly) {

    /** What an option holds. */
    public enum Kind {
        /** Free text. */
        TEXT,
        /** A whole number in {@code min..max}. */
        WHOLE_NUMBER,
        /** On or off; on text platforms, the option's name typed as a word turns it on. */
        FLAG,
        /** One of {@code choices}. */
        CHOICE,
        /** A tastebot user id such as {@code discord:123456789}; Discord offers a user picker. */
        USER,
        /** A file the user uploads. */
        FILE
    }

    public CommandOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(kind, "kind");
        choices = List.copyOf(choices);
        if (!name.matches("[a-z][a-z0-9]{0,31}")) {
            throw new IllegalArgumentException("an option name every platform accepts, not " + name);
        }
    }

    public static CommandOption text(String name, String description, int maxLength) {
        return new CommandOption(name, description, Kind.TEXT, false, List.of(), 0, 0, maxLength, false, false);
    }

    public static CommandOption wholeNumber(String name, String description, int min, int max) {
        return new CommandOption(name, description, Kind.WHOLE_NUMBER, false, List.of(), min, max, 0, false, false);
    }

    public static CommandOption flag(String name, String description) {
        return new CommandOption(name, description, Kind.FLAG, false, List.of(), 0, 0, 0, false, false);
    }

    public static CommandOption choice(String name, String description, String... choices) {
        return new CommandOption(name, description, Kind.CHOICE, false, List.of(choices), 0, 0, 0, false, false);
    }

    public static CommandOption user(String name, String description) {
        return new CommandOption(name, description, Kind.USER, false, List.of(), 0, 0, 0, false, false);
    }

    public static CommandOption file(String name, String description) {
        return new CommandOption(name, description, Kind.FILE, false, List.of(), 0, 0, 0, false, false);
    }

    public CommandOption asRequired() {
        return new CommandOption(name, description, kind, true, choices, min, max, maxLength, autocomplete, adminOnly);
    }

    public CommandOption withAutocompletion() {
        return new CommandOption(name, description, kind, required, choices, min, max, maxLength, true, adminOnly);
    }

    public CommandOption forAdminsOnly() {
        return new CommandOption(name, description, kind, required, choices, min, max, maxLength, autocomplete, true);
    }

    /** How the option reads in a usage line: {@code <on|off>}, {@code [hour 0-23]}, {@code [confirm]}. */
    String usage() {
        String shown = switch (kind) {
            case CHOICE -> String.join("|", choices);
            case WHOLE_NUMBER -> name + " " + min + "-" + max;
            case FLAG -> name;
            case TEXT, USER, FILE -> name;
        };
        return required ? "<" + shown + ">" : "[" + shown + "]";
    }
}
