package dev.tastebot.config;

/** Thrown by a {@link ValueParser}; the reason reads "expected …" or explains the refusal. */
final class InvalidValue extends Exception {
    private static final long serialVersionUID = 1L;

    private InvalidValue(String reason) {
        super(reason, null, false, false);
    }

    static InvalidValue expected(String what) {
        return new InvalidValue("expected " + what);
    }

    static InvalidValue because(String reason) {
        return new InvalidValue(reason);
    }

    String reason() {
        return getMessage();
    }
}
