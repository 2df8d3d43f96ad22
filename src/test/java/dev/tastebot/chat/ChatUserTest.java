package dev.tastebot.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ChatUserTest {

    @Test
    void aStoredUserIdNamesThePlatformAndThePlatformsId() {
        ChatUser user = ChatUser.ofUserId("discord:81384788765712384");

        assertThat(user.platform()).isEqualTo("discord");
        assertThat(user.platformId()).isEqualTo("81384788765712384");
        assertThat(user.userId()).isEqualTo("discord:81384788765712384");
        assertThat(ChatUser.ofUserId("console:local").platform()).isEqualTo("console");
    }

    @Test
    void anIdWithoutPlatformOrWithoutIdIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> ChatUser.ofUserId("12345"));
        assertThatIllegalArgumentException().isThrownBy(() -> ChatUser.ofUserId(":12345"));
        assertThatIllegalArgumentException().isThrownBy(() -> ChatUser.ofUserId("discord:"));
    }
}
