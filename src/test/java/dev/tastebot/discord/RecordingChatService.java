package dev.tastebot.discord;

import dev.tastebot.chat.ChatCommand;
import dev.tastebot.chat.ChatService;
import dev.tastebot.chat.ChatUser;
import dev.tastebot.chat.Reaction;
import dev.tastebot.chat.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A core that records every call in order and answers what the test told it to. */
final class RecordingChatService implements ChatService {
    record Handled(ChatUser user, ChatCommand command) {
    }

    record Posted(ChatUser owner, String messageId, Reply.SongCard card) {
    }

    record Reacted(String platform, String messageId, ChatUser reactor, Reaction reaction, boolean added) {
    }

    record Seen(ChatUser user, String community) {
    }

    record Suggested(ChatUser user, String typed, int limit) {
    }

    /** Every call, in order; tests may add their own markers to check what came first. */
    final List<Object> calls = new ArrayList<>();

    private List<Reply> replies = List.of();
    private List<Choice> suggestions = List.of();
    private RuntimeException failure;
    private RuntimeException recordingFailure;
    private Optional<String> importRefusal = Optional.empty();
    private Runnable duringHandle = () -> { };

    RecordingChatService answering(Reply... replies) {
        this.replies = List.of(replies);
        return this;
    }

    RecordingChatService suggesting(Choice... suggestions) {
        this.suggestions = List.of(suggestions);
        return this;
    }

    /** Every call but {@link #posted} throws this. */
    RecordingChatService failingWith(RuntimeException failure) {
        this.failure = failure;
        return this;
    }

    /** Runs {@code work} while handling each command: to let time pass, as a long /import does. */
    RecordingChatService whileHandling(Runnable work) {
        this.duringHandle = work;
        return this;
    }

    @Override
    public List<Reply> handle(ChatUser user, ChatCommand command) {
        calls.add(new Handled(user, command));
        duringHandle.run();
        return answer();
    }

    @Override
    public void posted(ChatUser owner, String messageId, Reply.SongCard card) {
        calls.add(new Posted(owner, messageId, card));
    }

    @Override
    public List<Reply> reacted(String platform, String messageId, ChatUser reactor, Reaction reaction, boolean added) {
        calls.add(new Reacted(platform, messageId, reactor, reaction, added));
        return answer();
    }

    /** {@link #seenIn} throws this. */
    RecordingChatService failingToRecordWith(RuntimeException failure) {
        this.recordingFailure = failure;
        return this;
    }

    @Override
    public void seenIn(ChatUser user, String community) {
        calls.add(new Seen(user, community));
        if (recordingFailure != null) {
            throw recordingFailure;
        }
    }

    /** {@link #importRefusal} answers this, as the core does over the import limit. */
    RecordingChatService refusingImports(String message) {
        this.importRefusal = Optional.of(message);
        return this;
    }

    @Override
    public Optional<String> importRefusal(ChatUser user) {
        return importRefusal;
    }

    /** Discord never asks: every reaction goes to the core, which knows whose song it is. */
    @Override
    public Optional<PostedCard> postedCard(String platform, String messageId) {
        return Optional.empty();
    }

    @Override
    public List<Choice> suggestTracks(ChatUser user, String typed, int limit) {
        calls.add(new Suggested(user, typed, limit));
        if (failure != null) {
            throw failure;
        }
        return suggestions;
    }

    <T> List<T> callsOf(Class<T> type) {
        return calls.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private List<Reply> answer() {
        if (failure != null) {
            throw failure;
        }
        return replies;
    }
}
