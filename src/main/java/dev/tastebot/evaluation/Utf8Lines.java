package dev.tastebot.evaluation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Finds where a file stops being UTF-8. A decoding reader fails a whole buffer ahead of the parser,
 * so the line the user should look at has to be found by decoding the bytes again.
 */
final class Utf8Lines {
    private Utf8Lines() {
    }

    /** The 1-based line holding the first byte that is not UTF-8, or empty if every byte is. */
    static OptionalLong firstLineThatIsNotUtf8(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return OptionalLong.of(linesBefore(bytes, in.position()) + 1);
            }
            if (result.isUnderflow()) {
                return OptionalLong.empty();
            }
            out.clear();
        }
    }

    private static long linesBefore(byte[] bytes, int end) {
        long lines = 0;
        for (int i = 0; i < end; i++) {
            lines += bytes[i] == '\n' ? 1 : 0;
        }
        return lines;
    }
}
