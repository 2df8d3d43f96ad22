package dev.tastebot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The poll's watcher, on a real OkHttp client against the fake Bot API's real answers. */
class PollingHealthTest {
    private final PollingHealth health = new PollingHealth();
    private final FakeTelegram telegram;
    private final OkHttpClient client;

    PollingHealthTest() throws IOException {
        telegram = new FakeTelegram();
        client = new OkHttpClient.Builder().addInterceptor(health).build();
    }

    @AfterEach
    void tearDown() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
        telegram.close();
    }

    private int poll() throws IOException {
        Request request = new Request.Builder().url(telegram.baseUrl() + "/bot" + FakeTelegram.TOKEN + "/getUpdates")
                .post(RequestBody.create("{\"offset\":1,\"timeout\":0}", MediaType.get("application/json"))).build();
        try (Response response = client.newCall(request).execute()) {
            // Read after the interceptor, as TelegramBots reads it: the interceptor must leave the body whole.
            return response.body().string().isEmpty() ? -1 : response.code();
        }
    }

    @Test
    void aFloodedPollWaitsAtLeastWhatTelegramAsksThenBacksOffAsUsual() throws IOException {
        // GIVEN a poll that Telegram answers with 429, retry after 12 s
        telegram.floodNext("getUpdates", 12);

        // WHEN polled
        int status = poll();

        // THEN the library's next back-off is those 12 s, the one after is the usual short one, and it is not connected
        assertThat(status).isEqualTo(429);
        assertThat(health.connected()).isFalse();
        assertThat(health.nextBackOffMillis()).isGreaterThanOrEqualTo(12_000);
        assertThat(health.nextBackOffMillis()).isLessThan(12_000);
    }

    @Test
    void aPollThatIsAnsweredMeansConnected() throws IOException {
        assertThat(health.connected()).isFalse();

        assertThat(poll()).isEqualTo(200);

        assertThat(health.connected()).isTrue();
    }

    @Test
    void theBackOffNeverGrowsBeyondHalfAMinute() {
        long longest = 0;
        for (int i = 0; i < 50; i++) {
            longest = Math.max(longest, health.nextBackOffMillis());
        }
        assertThat(longest).isLessThanOrEqualTo(PollingHealth.LONGEST_BACK_OFF_MILLIS * 3 / 2);
    }
}
