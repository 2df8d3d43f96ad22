package dev.tastebot.discord;

import dev.tastebot.chat.ChatCommand;
import dev.tastebot.chat.ChatCommands;
import dev.tastebot.chat.CommandDeclaration;
import dev.tastebot.chat.CommandRead;
import dev.tastebot.chat.ChatService;
import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.Reaction;
import dev.tastebot.chat.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.time.Clock;
import dev.tastebot.fairuse.Allowance;
import dev.tastebot.fairuse.Limit;
import dev.tastebot.fairuse.RateLimiter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.entities.emoji.EmojiUnion;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.events.message.react.GenericMessageReactionEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionAddEvent;
import net.dv8tion.jda.api.events.message.react.MessageReactionRemoveEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.AutoCompleteQuery;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes Discord events to the core. On JDA's threads it only reads the event, acknowledges it and
 * queues the work in the user's lane: JDA calls it on the gateway thread, in the order Discord sent
 * the events, so a user's events reach the core in that order. The core is called on the executor.
 */
final class DiscordListener extends ListenerAdapter {
    private static final Logger log = LoggerFactory.getLogger(DiscordListener.class);
    /**
     * How long a command holds its place in the user's lane for Discord to confirm its
     * acknowledgement: well past Discord's 3 s, after which it has failed anyway.
     */
    static final Duration ACKNOWLEDGEMENT_WAIT = Duration.ofSeconds(10);

    private final ChatService chat;
    private final Worker worker;
    private final ReplyPoster poster;
    private final AttachmentDownloader downloader;
    /** A user refused for sending too much is told so at most this often, not once per refused event. */
    private final RateLimiter slowDownNotices;

    DiscordListener(ChatService chat, Executor executor, AttachmentDownloader downloader) {
        this(chat, new Worker(executor), downloader, Clock.systemUTC());
    }

    /**
     * @param worker shared with whatever else posts song cards, so that registering them keeps the users' order
     * @param clock times the notices to users who send too much, and those about channels tastebot cannot use
     */
    DiscordListener(ChatService chat, Worker worker, AttachmentDownloader downloader, Clock clock) {
        this.chat = chat;
        this.worker = worker;
        this.poster = new ReplyPoster(chat, worker, clock);
        this.downloader = downloader;
        this.slowDownNotices = new RateLimiter(new Limit(1, Duration.ofMinutes(1)), clock);
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        ChatUser user = DiscordUsers.of(event.getUser().getIdLong(), event.getUser(), event.getMember());
        run(event, event.getName(), user, songChannelChecked(event, read(event)));
    }

    /**
     * One of several matches picked under a {@code /will-i-like} answer: whoever presses gets their
     * own answer about that song, in their lane, as if they had asked. It is private when the list
     * was, and when someone other than the asker presses: the channel asked for the asker's answers,
     * not for one per passer-by. The custom id may be forged; only a track id is taken from it.
     */
    @Override
    public void onButtonInteraction(ButtonInteractionEvent event) {
        ChatUser user = DiscordUsers.of(event.getUser().getIdLong(), event.getUser(), event.getMember());
        SlashRequest request = ChoiceButtons.command(event.getComponentId())
                .<SlashRequest>map(command -> new SlashRequest.Run(command, answersPrivately(event, command)))
                .orElseGet(() -> new SlashRequest.Refuse(UserMessages.UNKNOWN_BUTTON));
        run(event, ChatCommands.WILL_I_LIKE, user, request);
    }

    private static boolean answersPrivately(ButtonInteractionEvent event, ChatCommand command) {
        boolean declaredPrivate = ChatCommands.declarationOf(command).map(CommandDeclaration::privateAnswer).orElse(true);
        Message list = event.getMessage();
        Message.InteractionMetadata asked = list.getInteractionMetadata();
        boolean byTheAsker = asked == null ? !event.isFromGuild() : asked.getUser().getIdLong() == event.getUser().getIdLong();
        return declaredPrivate || list.isEphemeral() || !byTheAsker;
    }

    /**
     * Acknowledges an interaction at once and answers it in the user's lane.
     *
     * @param command the command it runs, as the log and a late answer name it
     */
    private void run(IReplyCallback event, String command, ChatUser user, SlashRequest request) {
        Optional<String> server = event.isFromGuild() ? Optional.of(event.getGuild().getId()) : Optional.empty();
        // The core runs only once Discord has the acknowledgement: an unacknowledged command shows
        // the user a failure, and they should not find it carried out anyway. The command takes its
        // place in the lane now, so the user's next reactions wait for it.
        CompletableFuture<InteractionHook> acknowledged = new CompletableFuture<>();
        RestActions.queue(() -> event.deferReply(request.answersPrivately()),
                acknowledged::complete, acknowledged::completeExceptionally);
        boolean queued = worker.submitFor(user, "/" + command + " for " + user.userId(),
                () -> acknowledgement(acknowledged, command, user).ifPresent(hook -> {
                    answer(new Answer(hook, command, user), request);
                    seen(user, server);
                }));
        if (!queued) {
            // A command always gets an answer, also when refused: it was acknowledged, and would hang otherwise.
            acknowledged.thenAccept(hook -> poster.tell(UserMessages.SLOW_DOWN, user, new ReplyTarget.Interaction(hook)));
        }
    }

    /**
     * A command that posts songs to rate in a server channel is refused, privately, where tastebot
     * lacks what the session needs: only its first card would appear (through the interaction),
     * and every later one would fail.
     */
    private static SlashRequest songChannelChecked(SlashCommandInteractionEvent event, SlashRequest request) {
        boolean stopping = request instanceof SlashRequest.Run run && run.command() instanceof ChatCommand.StopRating;
        if (request instanceof SlashRequest.Refuse || stopping || !(event.getChannel() instanceof GuildChannel channel)
                || !ChatCommands.named(event.getName()).map(CommandDeclaration::postsSongs).orElse(false)) {
            return request;
        }
        return SongChannels.refusal(channel, event.getName()).<SlashRequest>map(SlashRequest.Refuse::new).orElse(request);
    }

    private static Optional<InteractionHook> acknowledgement(CompletableFuture<InteractionHook> acknowledged, String command,
                                                             ChatUser user) {
        try {
            return Optional.of(acknowledged.get(ACKNOWLEDGEMENT_WAIT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            log.warn("Could not acknowledge /{} for {} within 3 seconds: {}", command, user.userId(), e.getCause().toString());
        } catch (TimeoutException e) {
            log.warn("Discord did not confirm the acknowledgement of /{} for {} within {} s; dropped it", command,
                    user.userId(), ACKNOWLEDGEMENT_WAIT.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
        AutoCompleteQuery focused = event.getFocusedOption();
        if (!event.getName().equals(ChatCommands.WILL_I_LIKE) || !focused.getName().equals(ChatCommands.TRACK)) {
            suggest(event, List.of());
            return;
        }
        ChatUser user = DiscordUsers.of(event.getUser().getIdLong(), event.getUser(), event.getMember());
        String typed = focused.getValue();
        // Beside the user's lane: suggestions change nothing, so order does not matter, and Discord
        // gives them 3 s with no deferring, which a /retrain queued before them would eat.
        worker.submit("track suggestions for " + user.userId(), () -> {
            List<ChatService.Choice> suggestions;
            try {
                suggestions = chat.suggestTracks(user, typed, OptionData.MAX_CHOICES);
            } catch (RuntimeException e) {
                log.error("Track suggestions failed for {}", user.userId(), e);
                suggestions = List.of();
            }
            suggest(event, TrackChoices.of(suggestions));
        });
    }

    @Override
    public void onMessageReactionAdd(MessageReactionAddEvent event) {
        boolean onOwnMessage = event.getMessageAuthorIdLong() == event.getJDA().getSelfUser().getIdLong();
        onReaction(event, true, onOwnMessage);
    }

    @Override
    public void onMessageReactionRemove(MessageReactionRemoveEvent event) {
        // Discord does not say whose message it was: unknown, so failures stay in the log.
        onReaction(event, false, false);
    }

    /**
     * @param onOwnMessage whether to speak up when the core fails: a 👍 under anybody's message in a
     *     busy server reaches the core too, and must not bring an error message into that channel
     */
    private void onReaction(GenericMessageReactionEvent event, boolean added, boolean onOwnMessage) {
        if (event.getUserIdLong() == event.getJDA().getSelfUser().getIdLong()) {
            return; // tastebot's own 👍 👎 ⏹️ under a song it posted
        }
        Optional<Reaction> reaction = reactionOf(event.getEmoji());
        if (reaction.isEmpty()) {
            return;
        }
        ChatUser reactor = DiscordUsers.of(event.getUserIdLong(), event.getUser(), event.getMember());
        String messageId = event.getMessageId();
        Optional<String> server = event.isFromGuild() ? Optional.of(event.getGuild().getId()) : Optional.empty();
        ReplyTarget target = new ReplyTarget.Channel(event.getChannel());
        boolean queued = worker.submitFor(reactor, "reaction by " + reactor.userId() + " on " + messageId, () -> {
            List<Reply> replies;
            try {
                replies = chat.reacted(DiscordUsers.PLATFORM, messageId, reactor, reaction.get(), added);
            } catch (RuntimeException e) {
                log.error("Reaction {} by {} on message {} failed", reaction.get(), reactor.userId(), messageId, e);
                if (onOwnMessage) {
                    poster.tell(UserMessages.SOMETHING_WENT_WRONG, reactor, target);
                }
                return;
            }
            poster.post(replies, reactor, target);
            seen(reactor, server);
        });
        if (!queued && onOwnMessage && slowDownNotices.take(reactor.userId()) instanceof Allowance.Allowed) {
            poster.tell(UserMessages.SLOW_DOWN, reactor, target);
        }
    }

    /**
     * Tells the core which server the user acted in, after their command or reaction was handled:
     * a user who just asked to be forgotten is not recorded again. Failing here costs nobody an answer.
     */
    private void seen(ChatUser user, Optional<String> server) {
        server.ifPresent(id -> {
            try {
                chat.seenIn(user, id);
            } catch (RuntimeException e) {
                log.warn("Could not record that {} used tastebot in server {}", user.userId(), id, e);
            }
        });
    }

    /** Only Unicode emoji: a server's custom emoji may well be called "stop". */
    private static Optional<Reaction> reactionOf(EmojiUnion emoji) {
        return emoji.getType() == Emoji.Type.UNICODE ? Reaction.parse(emoji.getName()) : Optional.empty();
    }

    private static SlashRequest read(SlashCommandInteractionEvent event) {
        try {
            return SlashCommands.translate(event);
        } catch (RuntimeException e) {
            // Options of an unexpected type: the registered commands are older than this code.
            log.warn("Could not read /{}: {}", event.getName(), e.toString());
            return new SlashRequest.Refuse("I couldn't read that command; try /help.");
        }
    }

    /**
     * Where the answers to one slash command go: through its interaction, while Discord still takes
     * them there (15 minutes); a command that ran longer, such as a big /import, is answered in the
     * user's DMs, saying why, instead of being lost.
     */
    private record Answer(InteractionHook hook, String command, ChatUser user) {
    }

    private void answer(Answer to, SlashRequest request) {
        switch (request) {
            case SlashRequest.Run run -> handle(to, run.command());
            case SlashRequest.Upload upload -> {
                // Over the import limit, or with an import still running, the file is not even fetched.
                Optional<String> refusal = chat.importRefusal(to.user());
                if (refusal.isPresent()) {
                    reply(to, List.of(new Reply.Text(refusal.get())));
                    return;
                }
                switch (downloader.fetch(upload.file())) {
                    case AttachmentDownloader.Download.Ready ready -> {
                        switch (upload.command().read(upload.input().withFile(upload.option(), ready.file()))) {
                            case CommandRead.Ready command -> handle(to, command.command());
                            case CommandRead.Refused refused -> reply(to, List.of(new Reply.Text(refused.message())));
                        }
                    }
                    case AttachmentDownloader.Download.Refused refused -> reply(to, List.of(new Reply.Text(refused.message())));
                }
            }
            case SlashRequest.Refuse refuse -> reply(to, List.of(new Reply.Text(refuse.message())));
        }
    }

    private void handle(Answer to, ChatCommand command) {
        List<Reply> replies;
        try {
            replies = chat.handle(to.user(), command);
        } catch (RuntimeException e) {
            log.error("{} failed for {}", command.getClass().getSimpleName(), to.user().userId(), e);
            replies = List.of(new Reply.Text(UserMessages.SOMETHING_WENT_WRONG));
        }
        reply(to, replies);
    }

    private void reply(Answer to, List<Reply> replies) {
        if (!to.hook().isExpired()) {
            poster.post(replies, to.user(), new ReplyTarget.Interaction(to.hook()));
            return;
        }
        if (DiscordMessages.render(replies).isEmpty()) {
            return; // nothing to say, and Discord removed the placeholder long ago
        }
        log.warn("/{} for {} outlived its interaction; answering by direct message", to.command(), to.user().userId());
        List<Reply> late = new ArrayList<>();
        late.add(new Reply.Text(UserMessages.lateAnswer(to.command())));
        late.addAll(replies);
        long userId = Long.parseUnsignedLong(to.user().platformId());
        RestActions.queue(() -> to.hook().getJDA().openPrivateChannelById(userId),
                dm -> poster.post(late, to.user(), new ReplyTarget.Channel(dm)),
                failure -> log.warn("Could not answer {}'s /{} by direct message either: {}", to.user().userId(),
                        to.command(), failure.toString()));
    }

    private static void suggest(CommandAutoCompleteInteractionEvent event, List<Command.Choice> choices) {
        // Often too late because the user typed on, which replaces this interaction: not worth a warning.
        RestActions.queue(() -> event.replyChoices(choices), done -> { },
                failure -> log.debug("Could not answer autocompletion for /{}: {}", event.getName(), failure.toString()));
    }
}
