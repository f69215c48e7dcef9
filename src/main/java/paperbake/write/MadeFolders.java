package paperbake.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The folders one build has made (or found) in its staging tree, so each is asked for once.
 * {@link Files#createDirectories} on a folder that exists makes a failing {@code mkdir} call and
 * throws two exceptions inside the JDK, filling their stack traces (deep under a template's
 * render): about 11,000 times for the folders of cs.CL's pages and search files. Safe for several
 * threads: two racing for a new folder both ask, and {@code createDirectories} accepts a folder
 * made meanwhile.
 */
final class MadeFolders {

    private final Set<Path> made = ConcurrentHashMap.newKeySet();

    /** Makes {@code dir} and its parents unless this instance made or found it before. */
    void ensure(Path dir) throws IOException {
        if (!made.contains(dir)) {
            Files.createDirectories(dir);
            made.add(dir);
        }
    }
}
