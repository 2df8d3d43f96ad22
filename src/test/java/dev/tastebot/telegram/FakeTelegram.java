package dev.tastebot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * A Bot API server on the loopback address that answers as Telegram does, with the JSON shapes of
 * the Bot API documentation: {@code POST /bot<token>/<method>} with a JSON body (method names in any
 * case), {@code {"ok":true,"result":…}} or {@code {"ok":false,"error_code":…,"description":…}} with
 * the error code as the HTTP status, and files at {@code GET /file/bot<token>/<file_path>}.
 *
 * <p>{@code getUpdates} is a real long poll: it returns the queued updates whose id is at least the
 * offset asked for (an update stays until a later poll's offset confirms it, so unconfirmed ones
 * come again), or waits for one up to the poll's timeout. Sent messages get ids counting per chat;
 * users who blocked the bot get 403 for anything sent to them; an edit that changes nothing gets
 * Telegram's 400 "message is not modified". Every call is recorded, and tests wait for the ones
 * they expect on a condition, never by sleeping.
 */
final class FakeTelegram implements AutoCloseable {
    static final String TOKEN = "123456:TEST-token";
    static final long BOT_ID = 999;
    static final String BOT_USERNAME = "tastebot_bot";
    private static final Duration AWAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One request the bot made: the method in lower case, and its JSON parameters. */
    record Call(String method, JsonNode body) {
        String text(String field) {
            return body.path(field).asText();
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Call> calls = new ArrayList<>();
    private final List<ObjectNode> updates = new ArrayList<>();
    private final Map<Long, Integer> lastMessageId = new HashMap<>();
    private final Map<String, JsonNode> markups = new HashMap<>();
    private final Set<Long> blocked = new HashSet<>();
    private final Map<String, Integer> floods = new HashMap<>();
    private final Map<String, byte[]> files = new HashMap<>();
    private final Map<String, Long> announcedSizes = new HashMap<>();
    private int nextUpdateId = 1000;
    private int nextCallbackId = 1;
    private boolean closed;

    FakeTelegram() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    // ---- what the test makes happen ----

    /** A text message from {@code from} in {@code chat}; returns its update id. */
    int userWrites(ObjectNode from, ObjectNode chat, String text) {
        ObjectNode message = message(chat, nextMessageId(chat.path("id").asLong()), from);
        message.put("text", text);
        if (text.startsWith("/")) {
            ArrayNode entities = message.putArray("entities");
            int end = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
            entities.addObject().put("type", "bot_command").put("offset", 0).put("length", end);
        }
        return queue("message", message);
    }

    /** A document sent by {@code from}, with a caption or none; its content is served when downloaded. */
    int userSendsDocument(ObjectNode from, ObjectNode chat, String fileName, byte[] content, long announcedSize,
                          String caption) {
        String fileId = "doc-" + (files.size() + 1);
        lock.lock();
        try {
            files.put(fileId, content.clone());
            announcedSizes.put(fileId, announcedSize);
        } finally {
            lock.unlock();
        }
        ObjectNode message = message(chat, nextMessageId(chat.path("id").asLong()), from);
        message.putObject("document").put("file_id", fileId).put("file_unique_id", "u" + fileId)
                .put("file_name", fileName).put("mime_type", "application/json").put("file_size", announcedSize);
        if (caption != null) {
            message.put("caption", caption);
        }
        return queue("message", message);
    }

    /** {@code from} presses a button under the bot's message {@code sent}, as Telegram reports it. */
    int userPresses(ObjectNode from, Call sent, int messageId, String data) {
        ObjectNode query = NODES.objectNode();
        query.put("id", "cbq-" + nextCallbackId++);
        query.set("from", from);
        ObjectNode message = NODES.objectNode();
        long chatId = sent.body().path("chat_id").asLong();
        message.put("message_id", messageId);
        message.set("from", bot());
        message.set("chat", chatOf(chatId));
        message.put("date", 1_780_000_000);
        message.put("text", sent.text("text").replaceAll("<[^>]+>", ""));
        JsonNode markup = markupOf(chatId, messageId);
        if (markup != null) {
            message.set("reply_markup", markup);
        }
        query.set("message", message);
        query.put("chat_instance", "instance-" + chatId);
        query.put("data", data);
        return queue("callback_query", query);
    }

    /** {@code user} changes their reactions under a message, as Telegram reports it: the lists before and after. */
    int userReacts(ObjectNode user, long chatId, int messageId, List<String> before, List<String> after) {
        ObjectNode reaction = NODES.objectNode();
        reaction.set("chat", chatOf(chatId));
        reaction.put("message_id", messageId);
        reaction.set("user", user);
        reaction.put("date", 1_780_000_000);
        ArrayNode old = reaction.putArray("old_reaction");
        before.forEach(emoji -> old.addObject().put("type", "emoji").put("emoji", emoji));
        ArrayNode fresh = reaction.putArray("new_reaction");
        after.forEach(emoji -> fresh.addObject().put("type", "emoji").put("emoji", emoji));
        return queue("message_reaction", reaction);
    }

    /** An update of any shape, for fields the library does not know. */
    int queue(String kind, ObjectNode payload) {
        lock.lock();
        try {
            ObjectNode update = NODES.objectNode();
            update.put("update_id", nextUpdateId++);
            update.set(kind, payload);
            updates.add(update);
            changed.signalAll();
            return update.path("update_id").asInt();
        } finally {
            lock.unlock();
        }
    }

    /** The user blocked the bot: whatever is sent to them is refused with 403. */
    void blocks(long userId) {
        lock.lock();
        try {
            blocked.add(userId);
        } finally {
            lock.unlock();
        }
    }

    /** The next call of {@code method} gets 429 with {@code retry_after}. */
    void floodNext(String method, int retryAfterSeconds) {
        lock.lock();
        try {
            floods.put(method.toLowerCase(Locale.ROOT), retryAfterSeconds);
        } finally {
            lock.unlock();
        }
    }

    // ---- what the test checks ----

    /** Waits for the first call of {@code method} after the first {@code after} calls that matches. */
    Call await(String method, Predicate<Call> matching) {
        return awaitAfter(0, method, matching);
    }

    Call await(String method) {
        return await(method, call -> true);
    }

    /** Waits for a call of {@code method} that matches, among the calls made after the first {@code after}. */
    Call awaitAfter(int after, String method, Predicate<Call> matching) {
        String name = method.toLowerCase(Locale.ROOT);
        long deadline = System.nanoTime() + AWAIT.toNanos();
        lock.lock();
        try {
            while (true) {
                for (int i = after; i < calls.size(); i++) {
                    Call call = calls.get(i);
                    if (call.method().equals(name) && matching.test(call)) {
                        return call;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no " + method + " call came; calls: " + calls);
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + method, e);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the bot confirmed the update {@code updateId}: a poll asked for a later offset, so it was handed over. */
    void awaitConfirmed(int updateId) {
        await("getupdates", call -> call.body().path("offset").asInt() > updateId);
    }

    List<Call> calls(String method) {
        lock.lock();
        try {
            return calls.stream().filter(call -> call.method().equals(method.toLowerCase(Locale.ROOT))).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Where a call came among all of them: to check what happened before what. */
    int indexOf(Call call) {
        lock.lock();
        try {
            for (int i = 0; i < calls.size(); i++) {
                if (calls.get(i) == call) {
                    return i;
                }
            }
            return -1;
        } finally {
            lock.unlock();
        }
    }

    int callCount() {
        lock.lock();
        try {
            return calls.size();
        } finally {
            lock.unlock();
        }
    }

    /** The message id the bot's message got: the sendMessage call's answer. */
    int messageIdOf(Call sendMessage) {
        return sendMessage.body().path("_message_id").asInt();
    }

    // ---- people and chats ----

    static ObjectNode user(long id, String firstName) {
        return NODES.objectNode().put("id", id).put("is_bot", false).put("first_name", firstName).put("language_code", "en");
    }

    static ObjectNode privateChat(ObjectNode user) {
        return NODES.objectNode().put("id", user.path("id").asLong()).put("type", "private")
                .put("first_name", user.path("first_name").asText());
    }

    static ObjectNode group(long id, String title) {
        return NODES.objectNode().put("id", id).put("type", "supergroup").put("title", title);
    }

    private static ObjectNode chatOf(long chatId) {
        return chatId < 0 ? group(chatId, "Group " + chatId)
                : NODES.objectNode().put("id", chatId).put("type", "private").put("first_name", "User " + chatId);
    }

    private static ObjectNode bot() {
        return NODES.objectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", "tastebot")
                .put("username", BOT_USERNAME);
    }

    private ObjectNode message(ObjectNode chat, int messageId, ObjectNode from) {
        ObjectNode message = NODES.objectNode();
        message.put("message_id", messageId);
        if (from != null) {
            message.set("from", from);
        }
        if (chat != null) {
            message.set("chat", chat);
        }
        message.put("date", 1_780_000_000);
        return message;
    }

    private int nextMessageId(long chatId) {
        lock.lock();
        try {
            return lastMessageId.merge(chatId, 1, Integer::sum);
        } finally {
            lock.unlock();
        }
    }

    private JsonNode markupOf(long chatId, int messageId) {
        lock.lock();
        try {
            return markups.get(chatId + ":" + messageId);
        } finally {
            lock.unlock();
        }
    }

    // ---- the server ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String prefix = "/bot" + TOKEN + "/";
            String filePrefix = "/file/bot" + TOKEN + "/";
            if (path.startsWith(filePrefix)) {
                download(exchange, path.substring(filePrefix.length()));
                return;
            }
            if (!path.startsWith(prefix)) {
                respond(exchange, 401, error(401, "Unauthorized"));
                return;
            }
            String method = path.substring(prefix.length()).toLowerCase(Locale.ROOT);
            byte[] raw = exchange.getRequestBody().readAllBytes();
            ObjectNode body = raw.length == 0 ? NODES.objectNode() : (ObjectNode) JSON.readTree(raw);
            Integer flood;
            lock.lock();
            try {
                flood = floods.remove(method);
            } finally {
                lock.unlock();
            }
            if (flood != null) {
                record(method, body);
                ObjectNode tooMany = error(429, "Too Many Requests: retry after " + flood);
                tooMany.putObject("parameters").put("retry_after", flood);
                respond(exchange, 429, tooMany);
                return;
            }
            if (method.equals("getupdates")) {
                record(method, body);
                respond(exchange, 200, ok(poll(body)));
                return;
            }
            ObjectNode answer = answer(method, body);
            record(method, body);
            respond(exchange, answer.path("ok").asBoolean() ? 200 : answer.path("error_code").asInt(), answer);
        }
    }

    private ObjectNode answer(String method, ObjectNode body) {
        return switch (method) {
            case "getme" -> ok(bot().put("can_join_groups", true).put("can_read_all_group_messages", false)
                    .put("supports_inline_queries", false));
            case "deletewebhook", "setmycommands", "answercallbackquery" -> ok(NODES.booleanNode(true));
            case "sendchataction" -> isBlocked(body.path("chat_id").asLong())
                    ? error(403, "Forbidden: bot can't initiate conversation with a user") : ok(NODES.booleanNode(true));
            case "sendmessage" -> sendMessage(body);
            case "editmessagereplymarkup" -> editMarkup(body);
            case "getfile" -> getFile(body);
            default -> error(404, "Not Found: method not found");
        };
    }

    private ObjectNode sendMessage(ObjectNode body) {
        long chatId = body.path("chat_id").asLong();
        if (isBlocked(chatId)) {
            return error(403, "Forbidden: bot was blocked by the user");
        }
        if (hasOversizedButtonData(body.path("reply_markup"))) {
            return error(400, "Bad Request: BUTTON_DATA_INVALID");
        }
        int messageId = nextMessageId(chatId);
        body.put("_message_id", messageId); // recorded for the test, not part of the request
        ObjectNode message = message(chatOf(chatId), messageId, bot());
        message.put("text", body.path("text").asText().replaceAll("<[^>]+>", ""));
        if (body.has("reply_markup")) {
            message.set("reply_markup", body.get("reply_markup"));
            lock.lock();
            try {
                markups.put(chatId + ":" + messageId, body.get("reply_markup"));
            } finally {
                lock.unlock();
            }
        }
        return ok(message);
    }

    /** Telegram refuses a whole message whose buttons carry more than 64 bytes of callback data. */
    private static boolean hasOversizedButtonData(JsonNode markup) {
        for (JsonNode row : markup.path("inline_keyboard")) {
            for (JsonNode button : row) {
                if (button.path("callback_data").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 64) {
                    return true;
                }
            }
        }
        return false;
    }

    private ObjectNode editMarkup(ObjectNode body) {
        long chatId = body.path("chat_id").asLong();
        int messageId = body.path("message_id").asInt();
        JsonNode markup = body.path("reply_markup");
        lock.lock();
        try {
            JsonNode before = markups.get(chatId + ":" + messageId);
            if (markup.equals(before)) {
                return error(400, "Bad Request: message is not modified: specified new message content and reply markup "
                        + "are exactly the same as a current content and reply markup of the message");
            }
            markups.put(chatId + ":" + messageId, markup);
        } finally {
            lock.unlock();
        }
        ObjectNode message = message(chatOf(chatId), messageId, bot());
        message.put("text", "edited");
        message.set("reply_markup", markup);
        return ok(message);
    }

    private ObjectNode getFile(ObjectNode body) {
        String fileId = body.path("file_id").asText();
        lock.lock();
        try {
            if (!files.containsKey(fileId)) {
                return error(400, "Bad Request: invalid file_id");
            }
            return ok(NODES.objectNode().put("file_id", fileId).put("file_unique_id", "u" + fileId)
                    .put("file_size", announcedSizes.get(fileId)).put("file_path", "documents/" + fileId + ".json"));
        } finally {
            lock.unlock();
        }
    }

    private void download(HttpExchange exchange, String filePath) throws IOException {
        record("download", NODES.objectNode().put("file_path", filePath));
        String fileId = filePath.replaceFirst("^documents/", "").replaceFirst("\\.json$", "");
        byte[] content;
        lock.lock();
        try {
            content = files.get(fileId);
        } finally {
            lock.unlock();
        }
        if (content == null) {
            respond(exchange, 404, error(404, "Not Found"));
            return;
        }
        exchange.sendResponseHeaders(200, content.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(content);
        }
    }

    /** Long polling: the updates from the offset on, or, when there are none, a wait for one up to the timeout. */
    private ArrayNode poll(ObjectNode body) {
        int offset = body.path("offset").asInt(0);
        long wait = TimeUnit.SECONDS.toNanos(body.path("timeout").asInt(0));
        int limit = body.path("limit").asInt(100);
        lock.lock();
        try {
            updates.removeIf(update -> update.path("update_id").asInt() < offset); // confirmed
            while (updates.isEmpty() && wait > 0 && !closed) {
                wait = changed.awaitNanos(wait);
            }
            ArrayNode result = NODES.arrayNode();
            updates.stream().limit(limit).forEach(result::add);
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NODES.arrayNode();
        } finally {
            lock.unlock();
        }
    }

    private boolean isBlocked(long chatId) {
        lock.lock();
        try {
            return blocked.contains(chatId);
        } finally {
            lock.unlock();
        }
    }

    private void record(String method, JsonNode body) {
        lock.lock();
        try {
            calls.add(new Call(method, body));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static ObjectNode ok(JsonNode result) {
        ObjectNode answer = NODES.objectNode().put("ok", true);
        answer.set("result", result);
        return answer;
    }

    private static ObjectNode error(int code, String description) {
        return NODES.objectNode().put("ok", false).put("error_code", code).put("description", description);
    }

    private static void respond(HttpExchange exchange, int status, JsonNode answer) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        server.stop(0);
        handlers.shutdownNow();
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
