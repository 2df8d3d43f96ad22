package dev.tastebot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.InteractionExpiredException;
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

    @Test
    void tellsApartWhyADirectMessageCannotGoOut() {
        assertThat(DiscordFailure.of(discordError(ErrorResponse.NO_MUTUAL_GUILDS))).isEqualTo(DiscordFailure.NO_SHARED_SERVER);
        assertThat(DiscordFailure.of(discordError(ErrorResponse.OPEN_DM_TOO_FAST))).isEqualTo(DiscordFailure.DMS_TOO_FAST);
        assertThat(ErrorResponse.NO_MUTUAL_GUILDS.getCode()).isEqualTo(50278);
        assertThat(ErrorResponse.OPEN_DM_TOO_FAST.getCode()).isEqualTo(40003);
    }

    @Test
    void readsBlockedReactionsExpiredInteractionsAndAJdaThatIsShutDown() {
        assertThat(DiscordFailure.of(discordError(ErrorResponse.REACTION_BLOCKED))).isEqualTo(DiscordFailure.REACTION_BLOCKED);
        assertThat(ErrorResponse.REACTION_BLOCKED.getCode()).isEqualTo(90001);
        // JDA's own check on an interaction hook older than 15 minutes, and Discord's answer to a stale token
        assertThat(DiscordFailure.of(new InteractionExpiredException())).isEqualTo(DiscordFailure.INTERACTION_EXPIRED);
        assertThat(DiscordFailure.of(discordError(ErrorResponse.INVALID_WEBHOOK_TOKEN))).isEqualTo(DiscordFailure.INTERACTION_EXPIRED);
        // What JDA's requester throws from queue() once shut down, and fails the requests it dropped with
        assertThat(DiscordFailure.of(new RejectedExecutionException("The Requester has been stopped!"))).isEqualTo(DiscordFailure.SHUT_DOWN);
        assertThat(DiscordFailure.of(new CancellationException("RestAction has been cancelled"))).isEqualTo(DiscordFailure.SHUT_DOWN);
    }
}
