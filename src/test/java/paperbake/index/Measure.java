package paperbake.index;

import java.nio.file.Path;
import java.util.List;
import paperbake.bench.RoughCorpusReader;

/** Layout experiments: Measure OUT CORPUS CHANNEL shardBytes inline growth chunkDocs. */
public class Measure {
    public static void main(String[] a) throws Exception {
        var archive = new RoughCorpusReader().read(Path.of(a[1]), List.of(a[2]), 10000);
        var layout = new SearchIndexLayout(Integer.parseInt(a[3]), Integer.parseInt(a[4]), Integer.parseInt(a[5]), Integer.parseInt(a[6]));
        System.out.println(new SearchIndexWriter(layout).write(archive, Path.of(a[0])));
    }
}
