package dev.tastebot.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandLineTest {
    private static final CommandSpec SERVE = CommandSpec.of("serve", "Serve things",
            OptionSpec.value("config", "FILE", "Settings file"),
            OptionSpec.flag("verbose", "Say more"));
    private static final CommandSpec IMPORT = new CommandSpec("import", "Import files",
            List.of(OptionSpec.value("user", "ID", "Whose files").required(),
                    OptionSpec.value("threads", "N", "How many at once").wholeNumber(1, 8),
                    OptionSpec.flag("json", "Print JSON")),
            Positionals.oneOrMore("FILE..."));

    private final CommandLine commandLine = new CommandLine("prog", List.of(SERVE, IMPORT), "serve");

    private ParsedCommand parsed(String... args) {
        Invocation invocation = commandLine.parse(List.of(args));
        assertThat(invocation).isInstanceOf(Invocation.Run.class);
        return ((Invocation.Run) invocation).command();
    }

    @Test
    void parsesOptionsSwitchesAndPositionalsAgainstTheCommandsDeclaration() {
        // WHEN
        ParsedCommand command = parsed("import", "--user", "42", "a.json", "--threads=3", "--json", "b.json");

        // THEN
        assertThat(command.name()).isEqualTo("import");
        assertThat(command.value("user")).contains("42");
        assertThat(command.requiredValue("user")).isEqualTo("42");
        assertThat(command.wholeNumber("threads")).isEqualTo(OptionalInt.of(3));
        assertThat(command.isSet("json")).isTrue();
        assertThat(command.positionals()).containsExactly("a.json", "b.json");
    }

    @Test
    void absentOptionsAreEmptyAndAbsentSwitchesAreOff() {
        // WHEN
        ParsedCommand command = parsed("import", "--user", "42", "a.json");

        // THEN
        assertThat(command.wholeNumber("threads")).isEmpty();
        assertThat(command.isSet("json")).isFalse();
    }

    @Test
    void withoutArgumentsTheDefaultCommandRuns() {
        assertThat(parsed().name()).isEqualTo("serve");
    }

    @Test
    void optionsWithoutACommandBelongToTheDefaultCommand() {
        // WHEN
        ParsedCommand command = parsed("--config", "x.properties", "--verbose");

        // THEN
        assertThat(command.name()).isEqualTo("serve");
        assertThat(command.value("config")).contains("x.properties");
        assertThat(command.isSet("verbose")).isTrue();
    }

    @Test
    void aDoubleDashEndsTheOptions() {
        // WHEN
        ParsedCommand command = parsed("import", "--user", "1", "--", "--json", "-h");

        // THEN
        assertThat(command.isSet("json")).isFalse();
        assertThat(command.positionals()).containsExactly("--json", "-h");
    }

    @Test
    void helpAloneAsksForTheOverview() {
        assertThat(commandLine.parse(List.of("--help"))).isEqualTo(new Invocation.ShowHelp(Optional.empty()));
        assertThat(commandLine.parse(List.of("-h"))).isEqualTo(new Invocation.ShowHelp(Optional.empty()));
    }

    @Test
    void helpAfterACommandAsksForThatCommandEvenWhenItsRequiredOptionsAreMissing() {
        assertThat(commandLine.parse(List.of("import", "--help"))).isEqualTo(new Invocation.ShowHelp(Optional.of(IMPORT)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            nosuch                              | unknown command "nosuch"
            serve --port 1                      | serve: unknown option --port
            serve -v                            | serve: unknown option -v
            serve --config                      | serve: --config FILE: the value FILE is missing
            serve --config --verbose            | serve: --config FILE: the value FILE is missing
            serve --verbose=yes                 | serve: --verbose takes no value
            serve --verbose --verbose           | serve: --verbose is given more than once
            serve extra                         | serve: unexpected argument "extra"
            import a.json                       | import: --user ID is required
            import --user 1                     | import: FILE... is missing
            import --user 1 --threads 9 a.json  | import: --threads expects a whole number from 1 to 8, got "9"
            import --user 1 --threads x a.json  | import: --threads expects a whole number from 1 to 8, got "x"
            """)
    void aCommandLineThatDoesNotFitIsRefusedWithAOneLineMessage(String args, String message) {
        assertThatThrownBy(() -> commandLine.parse(List.of(args.split(" "))))
                .isInstanceOf(UsageException.class)
                .hasMessage(message);
    }

    @Test
    void aUsageErrorInACommandNamesTheCommand() {
        // WHEN
        UsageException error = catchThrowableOfType(UsageException.class,
                () -> commandLine.parse(List.of("import", "a.json")));

        // THEN
        assertThat(error.command()).contains("import");
    }

    @Test
    void theOverviewListsEveryCommandWithItsSummaryAndMarksTheDefault() {
        // WHEN
        String usage = commandLine.usage();

        // THEN
        assertThat(usage)
                .startsWith("Usage: prog [COMMAND] [OPTIONS]")
                .containsPattern("(?m)^  serve +Serve things \\(the default\\)$")
                .containsPattern("(?m)^  import +Import files$");
    }

    @Test
    void aCommandsUsageListsItsOptionsAndPositionals() {
        // WHEN
        String usage = commandLine.usage(IMPORT);

        // THEN
        assertThat(usage)
                .startsWith("Usage: prog import [OPTIONS] FILE...")
                .containsPattern("(?m)^  --user ID +Whose files \\(required\\)$")
                .containsPattern("(?m)^  --threads N +How many at once$")
                .containsPattern("(?m)^  --json +Print JSON$")
                .containsPattern("(?m)^  -h, --help +Show this help$");
    }

    @Test
    void theShortUsageNamesTheCommands() {
        assertThat(commandLine.shortUsage()).contains("serve, import").contains("prog --help");
    }

    @Test
    void askingForAnUndeclaredOptionIsAProgrammingError() {
        ParsedCommand command = parsed("serve");

        assertThatThrownBy(() -> command.value("nosuch")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> command.isSet("config")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> command.wholeNumber("config")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void declarationsAreChecked() {
        assertThatThrownBy(() -> CommandSpec.of("x", "X", OptionSpec.flag("a", "A"), OptionSpec.flag("a", "again")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OptionSpec.flag("help", "reserved")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommandLine("prog", List.of(SERVE), "nosuch")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommandLine("prog", List.of(SERVE, SERVE), "serve")).isInstanceOf(IllegalArgumentException.class);
    }
}
