package paperbake.history;

/** A repository that cannot be opened or read at all (as opposed to a bad file in it, which is a skipped day). */
public final class HistoryException extends Exception {

    public HistoryException(String message) {
        super(message);
    }

    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
