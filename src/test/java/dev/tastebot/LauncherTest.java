package dev.tastebot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The {@code ./tastebot} launcher the README's run command uses, run for real by {@code sh}, with a
 * stand-in {@code java} that reports a chosen version and prints what it was asked to run.
 */
@DisabledOnOs(OS.WINDOWS) // tastebot.cmd is the launcher there
class LauncherTest {
    @TempDir
    Path folder;

    private record Run(int exitCode, String out, String err) {
    }

    /** A JDK folder whose java says it is {@code version} and echoes its arguments otherwise. */
    private Path jdk(String version) throws IOException {
        Path bin = Files.createDirectories(folder.resolve("jdk-" + version.replace('"', '_') + "/bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                if [ "$1" = "-version" ]; then echo 'openjdk version "%s" 2026-01-01' >&2; exit 0; fi
                echo "ran: $*"
                """.formatted(version));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin.getParent();
    }

    private Run launch(Path javaHome, boolean built, String... args) throws Exception {
        Path project = Files.createDirectories(folder.resolve("project"));
        Files.copy(Path.of("tastebot"), project.resolve("tastebot"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        if (built) {
            Files.createDirectories(project.resolve("target"));
            Files.writeString(project.resolve("target/tastebot.jar"), "not really a jar");
        }
        List<String> command = new java.util.ArrayList<>(List.of("sh", project.resolve("tastebot").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", javaHome.toString());
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aJava25FromJavaHomeRunsTheJarWithTheArgumentsAndExitsOnOutOfMemory() throws Exception {
        Run run = launch(jdk("25.0.1"), true, "evaluate", "--csv", "my file.csv");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("ran: -XX:+ExitOnOutOfMemoryError -jar ")
                .contains("/project/target/tastebot.jar evaluate --csv my file.csv");
    }

    @Test
    void anOlderJavaIsNamedWithWhatToInstallAndNothingRuns() throws Exception {
        Run run = launch(jdk("17.0.15"), true, "run");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("needs Java 25 or newer").contains("is Java 17")
                .contains("point JAVA_HOME at it");
    }

    @Test
    void anUnbuiltJarIsNamedWithTheCommandThatBuildsIt() throws Exception {
        Run run = launch(jdk("25"), false);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is not built yet").contains("./mvnw -B -q package -DskipTests");
    }
}
