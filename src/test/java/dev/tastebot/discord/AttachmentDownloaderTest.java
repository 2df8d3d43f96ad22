package dev.tastebot.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.NamedAttachmentProxy;
import org.junit.jupiter.api.Test;

class AttachmentDownloaderTest {
    private static final byte[] LIBRARY = "{\"tracks\":[]}".getBytes(StandardCharsets.UTF_8);

    private final NamedAttachmentProxy proxy = mock(NamedAttachmentProxy.class);

    private Message.Attachment file(String name, int announcedSize, CompletableFuture<java.io.InputStream> download) {
        Message.Attachment file = mock(Message.Attachment.class);
        when(file.getFileName()).thenReturn(name);
        when(file.getSize()).thenReturn(announcedSize);
        when(file.getProxy()).thenReturn(proxy);
        when(proxy.download()).thenReturn(download);
        return file;
    }

    @Test
    void aFileWithinTheLimitBecomesAnImport() {
        Message.Attachment file = file("YourLibrary.json", LIBRARY.length, CompletableFuture.completedFuture(new ByteArrayInputStream(LIBRARY)));

        AttachmentDownloader.Download download = new AttachmentDownloader(1024).fetch(file);

        assertThat(download).isInstanceOfSatisfying(AttachmentDownloader.Download.Ready.class, ready -> {
            assertThat(ready.file().name()).isEqualTo("YourLibrary.json");
            assertThat(ready.file().content()).isEqualTo(LIBRARY);
        });
    }

    @Test
    void aFileAnnouncedAsTooLargeIsRefusedWithoutDownloading() {
        Message.Attachment file = file("huge.json", 30 * 1024 * 1024, new CompletableFuture<>());

        AttachmentDownloader.Download download = new AttachmentDownloader(AttachmentDownloader.DEFAULT_MAX_BYTES).fetch(file);

        assertThat(download).isEqualTo(new AttachmentDownloader.Download.Refused("That file is 30.0 MB; I can import files up to 20.0 MB."));
        verify(proxy, never()).download();
    }

    @Test
    void aFileLargerThanAnnouncedIsRefusedToo() {
        byte[] content = new byte[2048];
        Message.Attachment file = file("YourLibrary.json", 10, CompletableFuture.completedFuture(new ByteArrayInputStream(content)));

        AttachmentDownloader.Download download = new AttachmentDownloader(1024).fetch(file);

        assertThat(download).isInstanceOf(AttachmentDownloader.Download.Refused.class);
    }

    @Test
    void aFailedDownloadIsExplained() {
        Message.Attachment file = file("YourLibrary.json", 10, CompletableFuture.failedFuture(new IOException("connection reset")));

        AttachmentDownloader.Download download = new AttachmentDownloader(1024).fetch(file);

        assertThat(download).isEqualTo(new AttachmentDownloader.Download.Refused(UserMessages.DOWNLOAD_FAILED));
    }
}
