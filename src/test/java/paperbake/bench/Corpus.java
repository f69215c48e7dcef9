package paperbake.bench;

import java.nio.file.Path;
import paperbake.model.Archive;
import paperbake.model.ArchiveBuilder;
import paperbake.parse.ContentReader;

/** The real parser over a corpus folder, for experiments and benchmarks. */
public final class Corpus {

    private Corpus() {}

    /** {@code dir} as a content folder (a channel folder such as cs.CL reads as flat content). */
    public static Archive read(Path dir) {
        ArchiveBuilder b = new ArchiveBuilder();
        new ContentReader().read(dir).digests().forEach(b::add);
        return b.build();
    }
}
