package paperbake.render;

import java.nio.file.Path;
import paperbake.model.Archive;
import paperbake.model.ArchiveBuilder;
import paperbake.model.Paper;
import paperbake.parse.ContentReader;

/**
 * What TeX detection costs a build and how many pages load the math script, over a content folder:
 * {@code mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=paperbake.render.MathCost -Dexec.args=DIR}.
 */
public final class MathCost {

    private MathCost() {}

    public static void main(String[] args) {
        ArchiveBuilder builder = new ArchiveBuilder();
        new ContentReader().read(Path.of(args[0])).digests().forEach(builder::add);
        Archive archive = builder.build();
        int withTex = 0;
        long snippets = 0;
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            withTex = 0;
            for (Paper p : archive.papers().values()) {
                if (TexMath.present(p.titleZh(), p.titleEn(), p.tldrZh(), p.tldrEn(), p.abstractZh(), p.abstractEn())) {
                    withTex++;
                }
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        for (Paper p : archive.papers().values()) {
            snippets += TexMath.DELIMITED.matcher(p.abstractEn() + "\n" + p.abstractZh()).results().count();
        }
        System.out.printf(java.util.Locale.ROOT, "%d papers, %d with TeX (%.1f%%), %d snippets in abstracts; detection %.0f ms (best of 5)%n",
                archive.papers().size(), withTex, 100.0 * withTex / archive.papers().size(), snippets, best / 1e6);
    }
}
