package paperbake.index;

import java.nio.file.Path;
import paperbake.bench.Corpus;

/**
 * Index layout experiments: LayoutExperiment OUT CHANNEL_DIR shardBytes inline growth chunkDocs.
 * Writes the index for one channel folder (e.g. ../shared/corpus/cn-chat-arxiv/cs.CL) with the
 * given layout, to compare file counts and per-query bytes.
 */
public class LayoutExperiment {
    public static void main(String[] a) throws Exception {
        var archive = Corpus.read(Path.of(a[1]));
        var layout = new SearchIndexLayout(Integer.parseInt(a[2]), SearchIndexLayout.DEFAULT.shardUnit(),
                SearchIndexLayout.DEFAULT.shardPackBytes(), Integer.parseInt(a[3]), Integer.parseInt(a[4]),
                Integer.parseInt(a[5]), 32L << 20);
        System.out.println(new SearchIndexWriter(layout).write(archive, Path.of(a[0])));
    }
}
