package dev.tastebot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.Set;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.Response;
import org.junit.jupiter.api.Test;

class DiscordFailureTest {

    static ErrorResponseException discordError(ErrorResponse error) {
        return ErrorResponseException.create(error, new Response(null, 403, "Forbidden", -1, Set.of()));
    }

    @Test
    void readsDiscordsErrorCodesAndJdasOwnPermissionChecks() {
        assertThat(DiscordFailure.of(discordError(ErrorResponse.MISSING_PERMISSIONS))).isEqualTo(DiscordFailure.MISSING_PERMISSION);
        assertThat(DiscordFailure.of(discordError(ErrorResponse.MISSING_ACCESS))).isEqualTo(DiscordFailure.MISSING_PERMISSION);
        assertThat(DiscordFailure.of(new InsufficientPermissionException(mock(Guild.class), Permission.MESSAGE_SEND)))
                .isEqualTo(DiscordFailure.MISSING_PERMISSION);
        assertThat(DiscordFailure.of(discordError(ErrorResponse.CANNOT_SEND_TO_USER))).isEqualTo(DiscordFailure.CLOSED_DMS);
        assertThat(DiscordFailure.of(discordError(ErrorResponse.UNKNOWN_USER))).isEqualTo(DiscordFailure.UNKNOWN_USER);
        assertThat(DiscordFailure.of(discordError(ErrorResponse.UNKNOWN_MESSAGE))).isEqualTo(DiscordFailure.GONE);
        assertThat(DiscordFailure.of(discordError(ErrorResponse.UNKNOWN_INTERACTION))).isEqualTo(DiscordFailure.INTERACTION_EXPIRED);
        assertThat(DiscordFailure.of(discordError(ErrorResponse.TOO_MANY_REACTIONS))).isEqualTo(DiscordFailure.OTHER);
        assertThat(DiscordFailure.of(new IllegalStateException("ephemeral"))).isEqualTo(DiscordFailure.OTHER);
    }
}
