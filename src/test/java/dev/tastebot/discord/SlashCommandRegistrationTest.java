package dev.tastebot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Collection;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.restaction.CommandListUpdateAction;
import net.dv8tion.jda.api.utils.MiscUtil;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class SlashCommandRegistrationTest {
    private static final long GUILD_ID = 81384788765712384L;

    private static JDA shard(int id, int total) {
        JDA jda = mock(JDA.class);
        when(jda.getShardInfo()).thenReturn(new JDA.ShardInfo(id, total));
        return jda;
    }

    private static ReadyEvent ready(JDA shard) {
        ReadyEvent event = mock(ReadyEvent.class);
        when(event.getJDA()).thenReturn(shard);
        return event;
    }

    private static CommandListUpdateAction update() {
        return mock(CommandListUpdateAction.class, RETURNS_SELF);
    }

    @SuppressWarnings("unchecked")
    private static List<String> namesAdded(CommandListUpdateAction update) {
        ArgumentCaptor<Collection<? extends CommandData>> added = ArgumentCaptor.forClass(Collection.class);
        verify(update).addCommands(added.capture());
        verify(update).queue(any(), any());
        return added.getValue().stream().map(CommandData::getName).toList();
    }

    @Test
    void withoutServersTheCommandsAreRegisteredGloballyOnceThroughShardZero() {
        // GIVEN two shards
        JDA first = shard(0, 2);
        JDA second = shard(1, 2);
        CommandListUpdateAction update = update();
        when(first.updateCommands()).thenReturn(update);
        SlashCommandRegistration registration = new SlashCommandRegistration(List.of());

        // WHEN both are ready
        registration.onReady(ready(first));
        registration.onReady(ready(second));

        // THEN the global list is replaced once, with all nine commands
        assertThat(namesAdded(update)).hasSize(SlashCommands.definitions().size()).contains("rate", "will-i-like", "import", "retrain", "playlist");
        verify(second, never()).updateCommands();
    }

    @Test
    void listedServersGetTheCommandsThroughTheShardThatHoldsThem() {
        int holder = MiscUtil.getShardForGuild(GUILD_ID, 2);
        JDA shard = shard(holder, 2);
        JDA other = shard(1 - holder, 2);
        Guild guild = mock(Guild.class);
        CommandListUpdateAction update = update();
        when(shard.getGuildById(GUILD_ID)).thenReturn(guild);
        when(guild.updateCommands()).thenReturn(update);
        SlashCommandRegistration registration = new SlashCommandRegistration(List.of(GUILD_ID));

        registration.onReady(ready(shard));
        registration.onReady(ready(other));

        assertThat(namesAdded(update)).hasSize(SlashCommands.definitions().size());
        verify(shard, never()).updateCommands();
        verify(other, never()).getGuildById(GUILD_ID);
    }

    @Test
    void aServerTastebotIsNotInIsSkipped() {
        JDA shard = shard(0, 1);
        SlashCommandRegistration registration = new SlashCommandRegistration(List.of(GUILD_ID));

        registration.onReady(ready(shard));

        verify(shard).getGuildById(GUILD_ID);
        verify(shard, never()).updateCommands();
    }

    @Test
    void aRegistrationThatJdaRefusesIsLoggedNotThrown() {
        JDA shard = shard(0, 1);
        when(shard.updateCommands()).thenThrow(new IllegalStateException("not logged in"));

        new SlashCommandRegistration(List.of()).onReady(ready(shard));

        verify(shard).updateCommands();
    }
}
