package paperbake.write;

import java.io.IOException;

/** Where rendered files go. Implementations must accept calls from several threads at once. */
public interface PageSink {

    /** @param path relative to the site root, with {@code /} separators */
    void write(String path, byte[] content) throws IOException;
}
