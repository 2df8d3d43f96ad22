package dev.tastebot.store;

import java.util.Arrays;
import java.util.Objects;

/** A saved model: its metadata and its serialized bytes (copied in and out to stay immutable). */
public record StoredModel(ModelInfo info, byte[] bytes) {
    public StoredModel {
        Objects.requireNonNull(info, "info");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredModel that && info.equals(that.info) && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * info.hashCode() + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "StoredModel[info=" + info + ", bytes=" + bytes.length + " bytes]";
    }
}
