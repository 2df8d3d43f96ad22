package dev.tastebot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.telegram.telegrambots.meta.api.methods.updates.AllowedUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code getUpdates} long poll TelegramBots sends, given the last update id it received.
 * Telegram sends {@code message_reaction} updates only to a bot that names them in
 * {@code allowed_updates}, so the list is explicit: messages, button presses and reactions.
 *
 * <p>The answer is read leniently: TelegramBots' own reader refuses any field it does not know in an
 * update or a button press, and a Bot API newer than the library would then stop every update from
 * arriving.
 */
final class UpdatesRequest implements Function<Integer, GetUpdates> {
    static final List<String> ALLOWED = List.of(AllowedUpdates.MESSAGE, AllowedUpdates.CALLBACKQUERY,
            AllowedUpdates.MESSAGEREACTION);
    /** Telegram's most. */
    static final int LIMIT = 100;
    /** How long Telegram holds a poll open when nothing happens. */
    static final int TIMEOUT_SECONDS = 50;

    @Override
    public GetUpdates apply(Integer lastReceived) {
        return new LenientGetUpdates(lastReceived + 1, LIMIT, TIMEOUT_SECONDS, ALLOWED);
    }

    static final class LenientGetUpdates extends GetUpdates {
        private static final long serialVersionUID = 1L;
        private static final Logger log = LoggerFactory.getLogger(LenientGetUpdates.class);
        private static final ObjectMapper READER = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

        LenientGetUpdates(int offset, int limit, int timeout, List<String> allowedUpdates) {
            super(offset, limit, timeout, allowedUpdates);
        }

        @Override
        public ArrayList<Update> deserializeResponse(String answer) throws TelegramApiRequestException {
            ApiResponse<ArrayList<Update>> response;
            try {
                response = READER.readValue(answer, new TypeReference<>() {
                });
            } catch (JsonProcessingException e) {
                log.warn("Could not read Telegram's updates: {}", e.getOriginalMessage());
                throw new TelegramApiRequestException("Unable to read the answer to getUpdates", e);
            }
            if (Boolean.TRUE.equals(response.getOk())) {
                return response.getResult() == null ? new ArrayList<>() : response.getResult();
            }
            throw new TelegramApiRequestException("getUpdates failed", response);
        }
    }
}
