package dev.tastebot.telegram;

import dev.tastebot.chat.CommandInput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.Document;
import org.telegram.telegrambots.meta.api.objects.File;

/**
 * Fetches a document someone sent: its size is checked before anything is downloaded (the
 * document's, then the file's as {@code getFile} reports it), then the file comes from
 * {@code <api base>/file/bot<token>/<file_path>} and the limit holds for what actually arrives.
 * TelegramBots' own download always goes to api.telegram.org, whatever server the bot uses, so
 * this builds the address from the configured one. Blocks while downloading: called in the user's lane.
 */
final class FileDownloads {
    /** The Bot API lets bots download files of up to 20 MB; a library export is a few. */
    static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(FileDownloads.class);

    private final TelegramApi api;
    private final OkHttpClient http;
    private final HttpUrl files;
    private final long maxBytes;

    /** @param apiBaseUrl the Bot API server, whose downloads live under {@code /file/bot<token>/} */
    FileDownloads(TelegramApi api, OkHttpClient http, URI apiBaseUrl, String token, long maxBytes) {
        this.api = api;
        this.http = http;
        this.files = HttpUrl.get(apiBaseUrl.toString()).newBuilder().addPathSegment("file").addPathSegment("bot" + token).build();
        this.maxBytes = maxBytes;
    }

    sealed interface Download {
        record Ready(CommandInput.UploadedFile file) implements Download {
        }

        /** @param message what to tell the user */
        record Refused(String message) implements Download {
        }
    }

    Download fetch(Document document) {
        if (document.getFileSize() != null && document.getFileSize() > maxBytes) {
            return tooLarge(document.getFileSize());
        }
        File file;
        try {
            file = api.call(GetFile.builder().fileId(document.getFileId()).build());
        } catch (TelegramFailure failure) {
            log.warn("Could not look up a document to download: {}", failure.getMessage());
            return new Download.Refused(UserMessages.DOWNLOAD_FAILED);
        }
        if (file.getFileSize() != null && file.getFileSize() > maxBytes) {
            return tooLarge(file.getFileSize());
        }
        if (file.getFilePath() == null || file.getFilePath().isBlank()) {
            log.warn("Telegram gave no path to download file {}", file.getFileUniqueId());
            return new Download.Refused(UserMessages.DOWNLOAD_FAILED);
        }
        String name = Optional.ofNullable(document.getFileName()).filter(n -> !n.isBlank()).orElse("the file");
        return download(file.getFilePath(), name);
    }

    private Download download(String filePath, String name) {
        Request request = new Request.Builder().url(files.newBuilder().addPathSegments(filePath).build()).get().build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            if (!response.isSuccessful() || body == null) {
                // Never the address: it holds the bot token.
                log.warn("Downloading a document failed with HTTP {}", response.code());
                return new Download.Refused(UserMessages.DOWNLOAD_FAILED);
            }
            try (InputStream in = body.byteStream()) {
                byte[] content = in.readNBytes(Math.toIntExact(maxBytes + 1));
                if (content.length > maxBytes) {
                    return tooLarge(content.length);
                }
                return new Download.Ready(new CommandInput.UploadedFile(name, content));
            }
        } catch (IOException e) {
            log.warn("Downloading a document failed: {}", e.getClass().getSimpleName());
            return new Download.Refused(UserMessages.DOWNLOAD_FAILED);
        }
    }

    private Download tooLarge(long bytes) {
        return new Download.Refused(String.format(Locale.ROOT, "That file is %s; I can import files up to %s.",
                megabytes(bytes), megabytes(maxBytes)));
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
