package dev.tastebot.chat;

import java.util.List;

/**
 * Where tastebot speaks first, outside any command: a platform adapter that can deliver a message
 * to one user, such as the daily recommendations. Song cards are posted and registered exactly as
 * replies are, so reactions to them count.
 */
public interface Outbox {

    /** The platform whose users this outbox reaches ("discord", "console"): user ids start with it. */
    String platform();

    /** Whether messages can go out now; a bot still connecting is not ready, and nothing is attempted. */
    boolean ready();

    /**
     * Sends {@code message} to {@code recipient} and waits until the platform has it. May block:
     * callers use a thread of their own per delivery.
     */
    Delivery deliver(ChatUser recipient, List<Reply> message);

    /** How a delivery went. */
    sealed interface Delivery {
        record Delivered() implements Delivery {
        }

        /** The user cannot be reached, e.g. they accept no direct messages from the bot. */
        record Unreachable(String reason) implements Delivery {
        }

        /**
         * Anything else: the platform failed or did not answer in time.
         *
         * @param anythingSent whether some of the message may have reached the user (when unsure,
         *     true): only a message of which nothing went out may be tried again without sending
         *     anything twice
         */
        record Failed(String reason, boolean anythingSent) implements Delivery {
        }
    }
}
