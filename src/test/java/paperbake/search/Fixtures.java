package paperbake.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import paperbake.bench.RoughCorpusReader;
import paperbake.model.Archive;
import paperbake.model.ArchiveBuilder;
import paperbake.model.ArxivId;
import paperbake.model.Digest;
import paperbake.model.DigestId;
import paperbake.model.Entry;

/** Real corpus text for search tests: a slice of cs.CL and cs.IR, plus a few hostile entries. */
public final class Fixtures {

    private Fixtures() {}

    public static Path corpus() {
        return Path.of(System.getProperty("paperbake.shared", "/work/shared")).resolve("corpus/cn-chat-arxiv");
    }

    /** About 3,000 papers over two channels; deterministic. */
    public static Archive archive() {
        try {
            Archive cl = new RoughCorpusReader().read(corpus(), List.of("cs.CL"), 70);
            Archive ir = new RoughCorpusReader().read(corpus(), List.of("cs.IR"), 40);
            ArchiveBuilder b = new ArchiveBuilder();
            cl.digests().forEach(b::add);
            ir.digests().forEach(b::add);
            b.add(hostile());
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text that must stay text: markup, script, odd characters. */
    static Digest hostile() {
        List<Entry> entries = new ArrayList<>();
        entries.add(entry("2399.00001", "<img src=x onerror=alert(1)> 注入测试 Zebrafish",
                "Zebrafish <script>alert('x')</script> & </li> injection", "斑马鱼<b>粗体</b>的注入测试。"));
        entries.add(entry("2399.00002", "全角ＬＬＭ测试　量子斑马",
                "Ｆｕｌｌ－ｗｉｄｔｈ Quokka \u2028 line separator", "袋鼠 quokka 测试"));
        return new Digest(new DigestId("zz.TEST", "2022-01-05"), Path.of("hostile.md"), LocalDate.of(2022, 1, 5), "",
                entries, List.of());
    }

    private static Entry entry(String id, String titleZh, String titleEn, String tldrZh) {
        return new Entry(new ArxivId.Ref(new ArxivId(id), 1), 1, titleZh, titleEn, tldrZh, "",
                "中文摘要 " + titleZh, "English abstract " + titleEn, false, false, "new", "");
    }
}
