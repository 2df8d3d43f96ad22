package dev.tastebot.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The parsers shared by the settings; each names what it expected when it refuses a value. */
final class ValueParsers {
    private static final Pattern TIME_OF_DAY = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");
    private static final Pattern RATE = Pattern.compile("([0-9]{1,6})/([0-9]{1,6})([smh])");
    private static final int MAX_RATE_TIMES = 10_000;

    private ValueParsers() {
    }

    static Path filePath(String text) throws InvalidValue {
        if (text.isBlank()) {
            throw InvalidValue.expected("a file path");
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw InvalidValue.expected("a file path");
        }
    }

    static ValueParser<Integer> wholeNumber(int min, int max) {
        return text -> {
            try {
                int value = Integer.parseInt(text);
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below together with the out-of-range case
            }
            throw InvalidValue.expected("a whole number from " + min + " to " + max);
        };
    }

    /**
     * {@code COUNT/DURATION}, such as {@code 3/1h}: at most COUNT times in any DURATION, a whole
     * number of seconds ({@code s}), minutes ({@code m}) or hours ({@code h}) up to a day.
     */
    static TastebotConfig.Rate rate(String text) throws InvalidValue {
        Matcher rate = RATE.matcher(text.strip());
        if (rate.matches()) {
            int times = Integer.parseInt(rate.group(1));
            long amount = Long.parseLong(rate.group(2));
            Duration per = switch (rate.group(3)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
            if (times >= 1 && times <= MAX_RATE_TIMES && !per.isZero() && per.compareTo(Duration.ofDays(1)) <= 0) {
                return new TastebotConfig.Rate(times, per);
            }
        }
        throw InvalidValue.expected("COUNT/DURATION such as 3/1h: at most COUNT (1 to " + MAX_RATE_TIMES
                + ") times in any DURATION (a whole number of s, m or h, up to 24h)");
    }

    static boolean trueOrFalse(String text) throws InvalidValue {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InvalidValue.expected("true or false");
        };
    }

    static LocalTime timeOfDay(String text) throws InvalidValue {
        if (!TIME_OF_DAY.matcher(text).matches()) {
            throw InvalidValue.expected("a time of day as HH:mm on the 24-hour clock, such as 03:30");
        }
        return LocalTime.parse(text);
    }

    static <E extends Enum<E>> ValueParser<E> oneOf(Class<E> type) {
        String choices = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        return text -> {
            try {
                return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidValue.expected("one of " + choices);
            }
        };
    }

    static String singleWord(String text) throws InvalidValue {
        if (text.isBlank() || text.chars().anyMatch(Character::isWhitespace)) {
            throw InvalidValue.expected("a single word without spaces");
        }
        return text;
    }

    /**
     * Snowflakes are positive 64-bit numbers; empty items (as after a trailing comma) are skipped.
     *
     * @param kind what the ids name, for the message: "server" or "user"
     */
    static ValueParser<List<Long>> discordIds(String kind) {
        return positiveIds("a comma-separated list of Discord " + kind + " ids (numbers such as 81384788765712384)");
    }

    static ValueParser<List<Long>> telegramUserIds() {
        return positiveIds("a comma-separated list of Telegram user ids (numbers such as 123456789)");
    }

    private static ValueParser<List<Long>> positiveIds(String expected) {
        return text -> {
            List<Long> ids = new ArrayList<>();
            for (String item : commaSeparated(text)) {
                try {
                    if (!DIGITS.matcher(item).matches()) {
                        throw new NumberFormatException(item);
                    }
                    long id = Long.parseLong(item);
                    if (id <= 0) {
                        throw new NumberFormatException(item);
                    }
                    ids.add(id);
                } catch (NumberFormatException e) {
                    throw InvalidValue.expected(expected);
                }
            }
            return ids;
        };
    }

    static List<FeatureSourceKind> featureSources(String text) throws InvalidValue {
        String expected = "a comma-separated list of "
                + Arrays.stream(FeatureSourceKind.values()).map(FeatureSourceKind::configName).collect(Collectors.joining(", "))
                + ", each at most once";
        List<FeatureSourceKind> sources = new ArrayList<>();
        for (String item : commaSeparated(text)) {
            Optional<FeatureSourceKind> source = FeatureSourceKind.byConfigName(item);
            if (source.isEmpty() || sources.contains(source.get())) {
                throw InvalidValue.expected(expected);
            }
            sources.add(source.get());
        }
        if (sources.isEmpty()) {
            throw InvalidValue.expected(expected);
        }
        return sources;
    }

    /**
     * An absolute http or https URL without a trailing slash, so that callers can append paths
     * that start with one.
     */
    /**
     * An IP address as written (IPv4, or IPv6 with or without brackets): never a host name, whose
     * lookup could block start-up or resolve to something else tomorrow.
     */
    static InetAddress ipAddress(String text) throws InvalidValue {
        String literal = text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        try {
            return InetAddress.ofLiteral(literal);
        } catch (IllegalArgumentException notAnAddress) {
            throw InvalidValue.expected("an IP address such as 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)");
        }
    }

    static URI baseUrl(String text) throws InvalidValue {
        String withoutTrailingSlash = text.replaceAll("/+$", "");
        return httpUrl(withoutTrailingSlash).orElseThrow(() -> InvalidValue.expected("an http or https URL such as https://example.org"));
    }

    /**
     * The Bot API server's address: Telegram's, or a self-hosted one. TelegramBots builds every
     * request from the scheme, host and port alone, so a path would be silently dropped: refused.
     */
    static URI telegramApiBaseUrl(String text) throws InvalidValue {
        String expected = "an http or https URL without a path, such as https://api.telegram.org or http://127.0.0.1:8081";
        URI uri = httpUrl(text.replaceAll("/+$", "")).orElseThrow(() -> InvalidValue.expected(expected));
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!bare) {
            throw InvalidValue.expected(expected);
        }
        return uri;
    }

    /**
     * Spotify accepts https redirect URIs, and plain http only on a loopback IP literal: it refuses
     * {@code localhost}. The URI is kept exactly as written because Spotify compares it character by
     * character with the one registered for the app.
     */
    static URI spotifyRedirectUri(String text) throws InvalidValue {
        String expected = "an https URL, or an http URL on the loopback IP 127.0.0.1 or [::1] such as "
                + Setting.SPOTIFY_REDIRECT_URI.defaultValue().orElseThrow();
        URI uri = httpUrl(text).orElseThrow(() -> InvalidValue.expected(expected));
        if (uri.getScheme().equalsIgnoreCase("https")) {
            return uri;
        }
        String host = uri.getHost();
        if (host.equalsIgnoreCase("localhost")) {
            throw InvalidValue.because("Spotify refuses \"localhost\" in redirect URIs; use the loopback IP instead: "
                    + withHost(uri, "127.0.0.1"));
        }
        if (host.equals("127.0.0.1") || host.equals("[::1]")) {
            return uri;
        }
        throw InvalidValue.expected(expected);
    }

    static TokenEncryptionKey tokenEncryptionKey(String text) throws InvalidValue {
        try {
            return TokenEncryptionKey.fromBase64(text);
        } catch (IllegalArgumentException e) {
            throw InvalidValue.expected("the base64 encoding of " + TokenEncryptionKey.LENGTH_BYTES
                    + " random bytes, as printed by: openssl rand -base64 " + TokenEncryptionKey.LENGTH_BYTES
                    + "; " + e.getMessage());
        }
    }

    private static Optional<URI> httpUrl(String text) {
        try {
            URI uri = new URI(text);
            boolean http = uri.getScheme() != null
                    && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"));
            return http && uri.getHost() != null && !uri.getHost().isEmpty() ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String withHost(URI uri, String host) {
        try {
            return new URI(uri.getScheme(), uri.getUserInfo(), host, uri.getPort(), uri.getPath(), uri.getQuery(), uri.getFragment())
                    .toString();
        } catch (URISyntaxException e) {
            return uri.getScheme() + "://" + host + "/";
        }
    }

    private static List<String> commaSeparated(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }
}
