package dev.tastebot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import dev.tastebot.text.Limit;
import dev.tastebot.text.OutsideText;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.BackOff;
import org.telegram.telegrambots.longpolling.util.ExponentialBackOff;

/**
 * Watches the long poll. As an OkHttp interceptor on the polling client it sees every answer:
 * whether the last one succeeded is whether the bot is connected, and a 429 leaves its
 * {@code retry_after}. As the poll's {@link BackOff} it makes TelegramBots wait at least that long
 * before polling again: the library only reports the HTTP status of a failed poll and backs off
 * exponentially from half a second, which would ignore Telegram's flood control. Its default
 * back-off also waits 15 minutes between polls once failures have lasted 15 minutes; this one
 * waits at most 30 seconds, however long Telegram was out of reach.
 *
 * <p>TelegramBots' own log of the poll is switched off (see {@code logback.xml}): it reports the
 * poll cancelled at every shutdown as an error; this logs each poll that really failed.
 *
 * <p>Both sides run on the polling thread; the fields are read by the health check too.
 */
final class PollingHealth implements Interceptor, BackOff {
    static final int LONGEST_BACK_OFF_MILLIS = 30_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(PollingHealth.class);

    private final BackOff exponential = new ExponentialBackOff.Builder()
            .setMaxIntervalMillis(LONGEST_BACK_OFF_MILLIS)
            .setMaxElapsedTimeMillis(Integer.MAX_VALUE)
            .build();
    private volatile boolean connected;
    private volatile boolean stopping;
    private volatile long floodWaitMillis;

    /** From now on a failed poll is expected: it is the one cancelled to stop. */
    void stopping() {
        stopping = true;
    }

    /** Whether the last poll (or the start-up call before it) got an answer that was not an error. */
    boolean connected() {
        return connected;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException e) {
            connected = false;
            if (!stopping) {
                log.warn("Polling Telegram for updates failed: {}; trying again", e.toString());
            }
            throw e;
        }
        connected = response.isSuccessful();
        if (response.code() == 429) {
            long seconds = retryAfterSeconds(response);
            floodWaitMillis = seconds * 1000L;
            log.info("Telegram asks to wait {} s before polling again (flood control)", seconds);
        } else if (!response.isSuccessful()) {
            // The description only: the address holds the bot token.
            log.warn("Telegram answered a poll with HTTP {}: {}; trying again", response.code(), description(response));
        }
        return response;
    }

    @Override
    public void reset() {
        exponential.reset();
    }

    @Override
    public long nextBackOffMillis() {
        long flood = floodWaitMillis;
        floodWaitMillis = 0;
        return Math.max(exponential.nextBackOffMillis(), flood);
    }

    private static long retryAfterSeconds(Response response) {
        return Math.max(1, answer(response).path("parameters").path("retry_after").asLong(1));
    }

    private static String description(Response response) {
        return OutsideText.oneLine(answer(response).path("description").asText(""), Limit.ERROR.chars());
    }

    /** The Bot API's error answer, read without consuming it: TelegramBots reads the response after this. */
    private static JsonNode answer(Response response) {
        try {
            return JSON.readTree(response.peekBody(4096).string());
        } catch (IOException | RuntimeException e) {
            return JSON.missingNode();
        }
    }
}
