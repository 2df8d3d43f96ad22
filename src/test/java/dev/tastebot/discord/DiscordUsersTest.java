package dev.tastebot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.tastebot.chat.ChatUser;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import org.junit.jupiter.api.Test;

class DiscordUsersTest {

    @Test
    void aServerMemberIsCalledByTheirServerName() {
        User user = mock(User.class);
        when(user.getEffectiveName()).thenReturn("ana");
        Member member = mock(Member.class);
        when(member.getEffectiveName()).thenReturn("Ana at the office");

        ChatUser chatUser = DiscordUsers.of(123456789012345678L, user, member);

        assertThat(chatUser).isEqualTo(new ChatUser("discord", "123456789012345678", "Ana at the office"));
    }

    @Test
    void inADirectMessageTheUsersOwnNameIsUsed() {
        User user = mock(User.class);
        when(user.getEffectiveName()).thenReturn("ana");

        assertThat(DiscordUsers.of(42L, user, null).displayName()).isEqualTo("ana");
    }

    @Test
    void anUnknownUserIsCalledByTheirId() {
        assertThat(DiscordUsers.of(42L, null, null)).isEqualTo(new ChatUser("discord", "42", "42"));
    }
}
