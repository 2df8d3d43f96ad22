package dev.tastebot.fairuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllowanceTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            PT0.2S,     1 second
            PT1S,       1 second
            PT40S,      40 seconds
            PT59.5S,    1 minute
            PT60S,      1 minute
            PT61S,      2 minutes
            PT6M1S,     7 minutes
            PT7M,       7 minutes
            PT119M,     119 minutes
            PT2H,       2 hours
            PT2H1M,     3 hours
            """)
    void theWaitIsRoundedUpAsAPersonSaysIt(String left, String words) {
        Duration wait = Duration.parse(left);
        assertThat(new Allowance.WaitUntil(Instant.EPOCH.plus(wait), wait).leftInWords()).isEqualTo(words);
    }
}
