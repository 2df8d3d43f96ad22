package dev.tastebot.discord;

import static dev.tastebot.discord.Options.string;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tastebot.chat.ChatCommand;
import dev.tastebot.chat.ChatFixture;
import dev.tastebot.chat.Reply;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.entities.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Words from outside (a catalogue's titles, artists and genres, what a user typed) through the real
 * core, the real listener and the real {@link DiscordMessages}, as Discord gets them: shown as they
 * are, never as markup, a link or a mention.
 */
class HostileTextOnDiscordTest {
    private static final String ZW = "\u200B";
    private static final String ANA_USER_ID = "discord:42";
    private final User ana = FakeDiscord.user(42L, "Ana");

    @TempDir
    Path folder;
    private ChatFixture fixture;
    private final FakeDiscord discord = new FakeDiscord();
    private DiscordListener listener;

    @BeforeEach
    void setUp() {
        fixture = new ChatFixture(folder, 30);
        listener = new DiscordListener(fixture.core(), Runnable::run, new AttachmentDownloader(1024));
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void willILikeShowsAHostileSongsTitleArtistsAndReasonsAsText() {
        // GIVEN a song whose title, artists and genre a hostile catalogue wrote, and Ana's like of another by that artist
        String artist = "<@&7> ||spoiler||";
        fixture.addTrack("hostile-1", "**Free** [nitro](https://evil.example) @everyone <@123>",
                List.of(artist, "B", "C", "D", "E"), Optional.of("# genre"));
        fixture.addTrack("hostile-2", "Other", List.of(artist), Optional.of("# genre"));
        fixture.ratings().rate(ANA_USER_ID, "hostile-2", true, "chat", ChatFixture.NOW);

        // WHEN she asks about the first one (autocompletion sends its id)
        listener.onSlashCommandInteraction(discord.slash(ana, "will-i-like", string("track", "hostile-1")));

        // THEN the title is escaped inside our bold, the artists are escaped, shortened to three and counted
        List<String> lines = discord.messages.only().content().lines().toList();
        String escapedArtist = "<" + ZW + "@" + ZW + "&7> \\|\\|spoiler\\|\\|";
        assertThat(lines.getFirst()).isEqualTo("**\\*\\*Free\\*\\* [nitro]" + ZW + "(https:" + ZW + "//evil.example) @" + ZW
                + "everyone <" + ZW + "@" + ZW + "123>** — " + escapedArtist + ", B, C and 2 more");
        // AND the reason that names the artist names it the same way
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("[➕➖] you liked 1 of 1 song by \\Q" + escapedArtist + "\\E"));
        assertThat(String.join("\n", lines)).doesNotContain("<@").doesNotContain("https://").doesNotContain("||");
    }

    @Test
    void aTimeZoneThatIsNotOneIsEchoedEscapedAndShortened() {
        String typed = "<@123> **Mars** https://evil.example/" + "x".repeat(100);

        listener.onSlashCommandInteraction(discord.slash(ana, "daily", string("mode", "on"), string("timezone", typed)));

        assertThat(discord.messages.only().content()).isEqualTo("I don't know the time zone \"<" + ZW + "@" + ZW
                + "123> \\*\\*Mars\\*\\* https:" + ZW + "//evil.example/xx…\". Use a name like Europe/Paris, America/New\\_York or UTC.");
    }

    @Test
    void aTrackQueryIsNeverEchoedRaw() {
        listener.onSlashCommandInteraction(discord.slash(ana, "will-i-like", string("track", "<@123> **x** https://evil.example")));

        assertThat(discord.messages.only().content()).doesNotContain("<@").doesNotContain("**x**").doesNotContain("https://");
    }

    @Test
    void severalMatchingSongsAreOfferedAsButtonsLabelledWithTheirTitlesAsText() {
        // GIVEN two songs whose titles both match "nitro"
        fixture.addTrack("nitro-1", "Nitro [free](https://evil.example)", List.of(), Optional.empty());
        fixture.addTrack("nitro-2", "Nitro <@123>", List.of(), Optional.empty());

        // WHEN Ana types the word
        listener.onSlashCommandInteraction(discord.slash(ana, "will-i-like", string("track", "nitro")));

        // THEN the question comes with a button per song: Discord shows a label as plain text, never a
        // link or a mention, and the custom id carries only the track id
        FakeMessages.Sent question = discord.messages.only();
        assertThat(question.content()).isEqualTo("Several songs match; which one do you mean?");
        assertThat(question.data.getComponents()).singleElement().satisfies(row -> assertThat(row.asActionRow().getButtons())
                .extracting(button -> button.getCustomId() + "=" + button.getLabel())
                .containsExactlyInAnyOrder("pick:nitro-1=Nitro [free](https://evil.example)", "pick:nitro-2=Nitro <@123>"));
        assertThat(question.data.getAllowedMentions()).isEmpty();
    }

    @Test
    void aUserIdAnAdminTypedIsEchoedEscaped() {
        // GIVEN the admin names someone by an id holding a mention and Markdown (the console takes typed ids)
        List<Reply> replies = fixture.core().handle(ChatFixture.ADMIN, new ChatCommand.Retrain(Optional.of("discord:<@123>**x**")));

        // WHEN the answer is rendered for Discord
        List<DiscordMessages.Outgoing> out = DiscordMessages.render(replies);

        // THEN the id is there as typed, and nothing in it is a mention or bold
        assertThat(out).singleElement().satisfies(message -> assertThat(message.message().getContent())
                .isEqualTo("I don't know discord:<" + ZW + "@" + ZW + "123>\\*\\*x\\*\\*: nobody with that id has rated anything here."));
    }
}
