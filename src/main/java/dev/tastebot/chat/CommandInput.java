package dev.tastebot.chat;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The option values a user gave a command, read by the platform's adapter: typed options on
 * Discord, words on text platforms ({@link TextArguments}). Values are checked against their
 * declaration when the command is read ({@link CommandDeclaration#read}).
 *
 * @param naming how the user's platform writes command names, for answers that name commands
 */
public record CommandInput(Map<String, Object> values, CommandNaming naming) {

    /** A file the user uploaded for a {@link CommandOption.Kind#FILE} option. */
    public record UploadedFile(String name, byte[] content) {
        public UploadedFile {
            Objects.requireNonNull(name, "name");
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    public CommandInput {
        values = Map.copyOf(values);
        Objects.requireNonNull(naming, "naming");
    }

    public static Builder builder(CommandNaming naming) {
        return new Builder(naming);
    }

    public Optional<String> text(String option) {
        return value(option, String.class).map(String::strip).filter(text -> !text.isEmpty());
    }

    public OptionalInt wholeNumber(String option) {
        return value(option, Integer.class).map(OptionalInt::of).orElseGet(OptionalInt::empty);
    }

    public boolean flag(String option) {
        return value(option, Boolean.class).orElse(false);
    }

    /** A tastebot user id. */
    public Optional<String> user(String option) {
        return value(option, UserId.class).map(UserId::id);
    }

    public Optional<UploadedFile> file(String option) {
        return value(option, UploadedFile.class);
    }

    /** The same input with {@code file} given for {@code option} (a text platform read its path first). */
    public CommandInput withFile(String option, UploadedFile file) {
        Map<String, Object> more = new HashMap<>(values);
        more.put(option, file);
        return new CommandInput(more, naming);
    }

    boolean has(String option) {
        return values.containsKey(option);
    }

    private <T> Optional<T> value(String option, Class<T> type) {
        return Optional.ofNullable(values.get(option)).filter(type::isInstance).map(type::cast);
    }

    private record UserId(String id) {
    }

    public static final class Builder {
        private final Map<String, Object> values = new HashMap<>();
        private final CommandNaming naming;

        private Builder(CommandNaming naming) {
            this.naming = naming;
        }

        public Builder text(String option, String value) {
            values.put(option, value);
            return this;
        }

        public Builder wholeNumber(String option, int value) {
            values.put(option, value);
            return this;
        }

        public Builder flag(String option, boolean value) {
            values.put(option, value);
            return this;
        }

        /** @param userId a tastebot user id such as {@code discord:123456789} */
        public Builder user(String option, String userId) {
            values.put(option, new UserId(userId));
            return this;
        }

        public Builder file(String option, UploadedFile file) {
            values.put(option, file);
            return this;
        }

        public CommandInput build() {
            return new CommandInput(values, naming);
        }
    }
}
