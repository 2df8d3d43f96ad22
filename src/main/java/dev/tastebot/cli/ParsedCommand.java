package dev.tastebot.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A command line that matched its {@link CommandSpec}: every option is declared, every required
 * option is there and every whole-number option is within its range.
 *
 * @param values the options given with a value, by name
 * @param switches the switches given, by name
 * @param positionals the arguments after the options, in order
 */
public record ParsedCommand(CommandSpec spec, Map<String, String> values, Set<String> switches, List<String> positionals) {
    public ParsedCommand {
        Objects.requireNonNull(spec, "spec");
        values = Map.copyOf(values);
        switches = Set.copyOf(switches);
        positionals = List.copyOf(positionals);
    }

    public String name() {
        return spec.name();
    }

    public Optional<String> value(String option) {
        requireDeclared(option, OptionSpec.Valued.class);
        return Optional.ofNullable(values.get(option));
    }

    /** For options declared {@link OptionSpec.Valued#required()}, which the parser guarantees. */
    public String requiredValue(String option) {
        return value(option).orElseThrow(() -> new IllegalStateException("--" + option + " was not given; declare it required() so that the parser insists on it"));
    }

    /** For options declared with {@link OptionSpec.Valued#wholeNumber}, already range-checked. */
    public OptionalInt wholeNumber(String option) {
        OptionSpec spec = requireDeclared(option, OptionSpec.Valued.class);
        if (!(spec instanceof OptionSpec.Valued valued) || valued.range().isEmpty()) {
            throw new IllegalArgumentException("--" + option + " is not declared as a whole number");
        }
        return value(option).map(text -> OptionalInt.of(Integer.parseInt(text))).orElse(OptionalInt.empty());
    }

    public boolean isSet(String switchName) {
        requireDeclared(switchName, OptionSpec.Switch.class);
        return switches.contains(switchName);
    }

    /** Asking for an undeclared option is a programming error, not a user's. */
    private OptionSpec requireDeclared(String option, Class<? extends OptionSpec> kind) {
        return spec.option(option)
                .filter(kind::isInstance)
                .orElseThrow(() -> new IllegalArgumentException(
                        spec.name() + " declares no " + kind.getSimpleName().toLowerCase(Locale.ROOT) + " option --" + option));
    }
}
