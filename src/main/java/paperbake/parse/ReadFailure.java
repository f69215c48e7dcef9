package paperbake.parse;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Why a file could not be read, in words: the JDK's message for most of these is only the path. */
final class ReadFailure {

    private ReadFailure() {}

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "it no longer exists (removed while the build ran?)";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason(); // the operating system's words, such as "Is a directory" or "Too many levels of symbolic links"
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
