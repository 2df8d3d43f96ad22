package dev.tastebot.discord;

import dev.tastebot.chat.CommandInput;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import net.dv8tion.jda.api.entities.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches an uploaded file through JDA's attachment proxy, refusing files above a size limit.
 * Blocks while downloading: call it on the worker executor, never on the gateway thread.
 */
final class AttachmentDownloader {
    /** Spotify's YourLibrary.json is a few megabytes even for large libraries. */
    static final int DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(AttachmentDownloader.class);

    private final int maxBytes;

    AttachmentDownloader(int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    sealed interface Download {
        record Ready(CommandInput.UploadedFile file) implements Download {
        }

        /** @param message what to tell the user */
        record Refused(String message) implements Download {
        }
    }

    Download fetch(Message.Attachment file) {
        if (file.getSize() > maxBytes) {
            return tooLarge(file.getSize());
        }
        try (InputStream in = file.getProxy().download().join()) {
            // The announced size is the uploader's word; the limit holds for what actually arrives.
            byte[] content = in.readNBytes(maxBytes + 1);
            if (content.length > maxBytes) {
                return tooLarge(content.length);
            }
            return new Download.Ready(new CommandInput.UploadedFile(file.getFileName(), content));
        } catch (IOException | CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            log.warn("Could not download attachment {} ({} bytes): {}", file.getFileName(), file.getSize(), cause.toString());
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
