package paperbake.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import paperbake.serve.StaticServer;
import paperbake.testing.Chromium;

/**
 * Term shards as blocks of pack files ({@link TermsWriter}), located as the browser locates them
 * from the manifest (search-format.js {@code shardBlocks}: sizes in units, a new pack when the
 * next block would pass the limit). Small shards in small packs, so there are many of both.
 */
class ShardPacksTest {

    private static final SearchIndexLayout SMALL = new SearchIndexLayout(400, 64, 2048,
            SearchIndexLayout.DEFAULT.inline(), SearchIndexLayout.DEFAULT.tierGrowth(),
            SearchIndexLayout.DEFAULT.chunkDocs(), SearchIndexLayout.DEFAULT.packBytes());

    @Test
    void everyShardIsWhereTheManifestSaysAndTheyHoldEveryTermInOrder(@TempDir Path site) throws IOException {
        SearchIndexStats stats = new SearchIndexWriter(SMALL).write(SearchIndexWriterTest.big(), site);
        Map<String, String> m = scalars(site.resolve("search/manifest.json"));
        assertThat(m).containsEntry("shardUnit", "64").containsEntry("shardPack", "2048");
        String units = m.get("shardUnits");
        assertThat(units.length()).as("a size per shard").isEqualTo(m.get("shards").split(" ").length);
        assertThat(units.length()).as("shards").isGreaterThan(20);

        int pack = -1;
        long offset = 0;
        int nextOrdinal = 0;
        byte[] file = null;
        for (int k = 0; k < units.length(); k++) {
            int length = (ManifestWriter.UNITS.indexOf(units.charAt(k)) + 1) * 64;
            assertThat(length).as("shard %d's size", k).isPositive();
            if (pack < 0 || (offset > 0 && offset + length > 2048)) {
                if (file != null) {
                    assertThat(file.length).as("pack %d ends with its last shard", pack).isEqualTo(offset);
                }
                pack++;
                offset = 0;
                file = Files.readAllBytes(site.resolve("search/s/" + pack + ".bin"));
            }
            byte[] block = Arrays.copyOfRange(file, (int) offset, (int) (offset + length));
            int member = ((block[0] & 0xFF) << 8) | (block[1] & 0xFF);
            assertThat(member).as("shard %d's member", k).isBetween(length - 64 - 1, length - 2);
            assertThat(Arrays.copyOfRange(block, 2 + member, length)).as("padding").isEqualTo(new byte[length - 2 - member]);
            ByteBuffer shard = ByteBuffer.wrap(gunzip(Arrays.copyOfRange(block, 2, 2 + member)));
            assertThat(varint(shard)).as("shard %d's first term", k).isEqualTo(nextOrdinal);
            int count = varint(shard);
            assertThat(count).isPositive();
            nextOrdinal += count;
            offset += length;
        }
        assertThat(file.length).isEqualTo(offset);
        assertThat(site.resolve("search/s/" + (pack + 1) + ".bin")).doesNotExist();
        assertThat(pack).as("packs of 2 KB").isGreaterThan(3);
        assertThat((long) nextOrdinal).as("every term once").isEqualTo(stats.terms());
    }

    /**
     * The browser's engine over the same packs, served with ranges: reading every shard gives
     * every term once, in dictionary order, in one range request per pack; and a term looked
     * up alone is found in the shard the boundaries name.
     */
    @Test
    void theBrowserReadsEveryShardOfEveryPack(@TempDir Path site) throws Exception {
        Chromium.require();
        SearchIndexStats stats = new SearchIndexWriter(SMALL).write(SearchIndexWriterTest.big(), site);
        Path js = Files.createDirectories(site.resolve("js"));
        for (String f : List.of("search-engine.js", "search-fetch.js", "search-format.js", "search-analyzer.js")) {
            Files.copy(Path.of("assets/js", f), js.resolve(f));
        }
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><title>shards</title>");
        long packs;
        try (var list = Files.list(site.resolve("search/s"))) {
            packs = list.count();
        }
        ChromeDriver browser = Chromium.start();
        try (StaticServer server = StaticServer.start(site, 0)) {
            browser.get(server.uri().toString());
            Object got = browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    import('/js/search-engine.js').then(async (m) => {
                      const engine = new m.SearchEngine('/search/');
                      const manifest = await engine.open();
                      const terms = (await engine.terms(0, manifest.shards.length - 1)).map((t) => t.term);
                      const requests = engine.loader.requests - 1; // the manifest
                      const alone = new m.SearchEngine('/search/');
                      await alone.open();
                      const missed = [];
                      for (let i = 0; i < terms.length; i += 7) {
                        const info = await alone.lookup(terms[i]);
                        if (!info || info.term !== terms[i]) missed.push(terms[i]);
                      }
                      done({ terms, requests, missed });
                    }).catch((e) => done({ error: String(e) }));""");
            Map<?, ?> r = (Map<?, ?>) got;
            assertThat(r.get("error")).isNull();
            List<?> terms = (List<?>) r.get("terms");
            assertThat(terms).as("terms").hasSize(stats.terms());
            for (int i = 1; i < terms.size(); i++) {
                assertThat(((String) terms.get(i - 1)).compareTo((String) terms.get(i))).as("order at %d", i).isNegative();
            }
            assertThat(((Number) r.get("requests")).longValue()).as("range requests, one per pack").isEqualTo(packs);
            assertThat((List<?>) r.get("missed")).as("terms looked up alone and not found").isEmpty();
        } finally {
            browser.quit();
        }
    }

    /** The manifest's top-level scalar fields, as text. */
    private static Map<String, String> scalars(Path manifest) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(manifest.toFile())) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (p.nextToken().isScalarValue()) {
                    out.put(name, p.getText());
                } else {
                    p.skipChildren();
                }
            }
        }
        return out;
    }

    private static int varint(ByteBuffer b) {
        int v = 0;
        for (int shift = 0; ; shift += 7) {
            int x = b.get() & 0xFF;
            v |= (x & 0x7F) << shift;
            if (x < 0x80) {
                return v;
            }
        }
    }

    private static byte[] gunzip(byte[] member) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(member))) {
            return in.readAllBytes();
        }
    }
}
