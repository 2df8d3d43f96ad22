package dev.tastebot.text;

/** How much of a text from outside is shown; longer ones end in "…". */
public enum Limit {
    /** A song's title or an album's name. */
    TITLE(100),
    /** An artist's name or a genre. */
    NAME(60),
    /** Words a user typed that we repeat back to them: enough to recognise, not to write with. */
    ECHO(40),
    /** The name of a file someone uploaded. */
    FILE_NAME(60),
    /** Another component's or service's error quoted in our words (a driver's, a parser's, Spotify's). */
    ERROR(200),
    /** A whole sentence another component composed, which may quote outside words (see {@link RichText#message}). */
    SENTENCE(400);

    private final int chars;

    Limit(int chars) {
        this.chars = chars;
    }

    /** At most this many UTF-16 characters, the ellipsis included. */
    public int chars() {
        return chars;
    }
}
