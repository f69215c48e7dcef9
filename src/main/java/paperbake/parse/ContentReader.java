package paperbake.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import paperbake.model.Digest;
import paperbake.parse.ContentWalker.Source;
import paperbake.model.DigestId;
import paperbake.report.Diagnostic;
import paperbake.report.Progress;

/**
 * Reads a content directory: {@link ContentWalker} finds the digests (and reports every name it
 * does not read), each is read with a bound on its size, decoded and parsed.
 *
 * <p>Files are parsed in parallel, each on a thread with a large stack (flexmark recurses on
 * nesting depth), and every failure is confined to its file.
 */
public final class ContentReader {

    /** Enough for ~10^5 levels of nested Markdown in flexmark's recursive post-processing. */
    private static final long PARSE_STACK_BYTES = 512L * 1024 * 1024;

    /*
     * Real digests are under 1 MB and RawText warns above 10 MB; beyond this a file is not read at
     * all, so a runaway generator (or a disk image named .md) cannot exhaust the memory.
     */
    static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

    private final DigestParser parser;
    private final int threads;
    private final long maxFileBytes;

    public ContentReader() {
        this(new DigestParser());
    }

    /** Parses on as many threads as there are cores, up to 4. */
    public ContentReader(DigestParser parser) {
        this(parser, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    public ContentReader(DigestParser parser, int threads) {
        this(parser, threads, MAX_FILE_BYTES);
    }

    ContentReader(DigestParser parser, int threads, long maxFileBytes) {
        this.parser = parser;
        this.threads = Math.max(1, threads);
        this.maxFileBytes = maxFileBytes;
    }

    private record FileResult(ParseResult parse, List<Diagnostic> extra) {}

    public ReadResult read(Path contentDir) {
        return read(contentDir, Progress.SILENT);
    }

    /**
     * @param progress told of each file as it is parsed, and of each problem once its file is
     *                 done, in the order of the walk (so the messages keep one order on every run)
     */
    public ReadResult read(Path contentDir, Progress progress) {
        return read(contentDir, progress, null);
    }

    /**
     * @param cache where the parses of files read before are kept (null: none); a file whose
     *              name, channel and bytes are unchanged is not parsed again
     */
    public ReadResult read(Path contentDir, Progress progress, ParseCache cache) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Source> sources = ContentWalker.walk(contentDir, diagnostics);
        progress.found(sorted(diagnostics));
        progress.start("parse", sources.size(), "files");

        List<FileResult> results = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, bigStackThreads());
        try {
            List<Future<FileResult>> futures = new ArrayList<>();
            for (Source s : sources) {
                futures.add(pool.submit(() -> readOne(s, cache)));
            }
            for (int i = 0; i < futures.size(); i++) {
                FileResult r = await(futures.get(i), sources.get(i).path());
                results.add(r);
                List<Diagnostic> found = new ArrayList<>(r.extra());
                found.addAll(r.parse().diagnostics());
                progress.found(sorted(found));
                progress.step();
            }
        } finally {
            pool.shutdownNow();
        }

        List<Digest> parsed = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        int read = 0;
        int failed = 0;
        for (FileResult r : results) {
            diagnostics.addAll(r.extra());
            diagnostics.addAll(r.parse().diagnostics());
            Digest d = r.parse().digest();
            if (d == null) {
                failed++;
                continue;
            }
            parsed.add(d);
            read += r.parse().entriesRead();
            r.parse().skipped().forEach((k, v) -> skipped.merge(k, v, Integer::sum));
        }
        List<Digest> digests = new ArrayList<>();
        Map<DigestId, Path> taken = new TreeMap<>();
        int withId = 0;
        int perFile = diagnostics.size();
        for (Digest d : ChannelNames.unify(parsed, diagnostics)) {
            d = disambiguate(d, taken, diagnostics);
            digests.add(d);
            withId += d.entries().size();
        }
        progress.found(sorted(diagnostics.subList(perFile, diagnostics.size())));
        diagnostics.sort(Diagnostic.BY_PLACE);
        return new ReadResult(digests, diagnostics, read, withId, skipped, failed);
    }

    private static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
        List<Diagnostic> out = new ArrayList<>(diagnostics);
        out.sort(Diagnostic.BY_PLACE);
        return out;
    }

    /** Two files with one id (e.g. "a.md" and "A.md", or front matter naming the same date) would overwrite one page. */
    private static Digest disambiguate(Digest d, Map<DigestId, Path> taken, List<Diagnostic> diagnostics) {
        if (!taken.containsKey(d.id())) {
            taken.put(d.id(), d.source());
            return d;
        }
        DigestId id;
        int n = 2;
        do {
            id = new DigestId(d.id().channel(), d.id().name() + "-" + n++);
        } while (taken.containsKey(id));
        diagnostics.add(Diagnostic.warning(d.source(), 1, "this digest maps to the same page as "
                + taken.get(d.id()) + " (" + d.id().path() + "); it is published as " + id.path() + " instead"));
        taken.put(id, d.source());
        return new Digest(id, d.source(), d.date(), d.title(), d.entries(), d.others());
    }

    private static FileResult await(Future<FileResult> f, Path path) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new FileResult(DigestParser.failed(path, "could not read the file (" + cause + "); file skipped"), List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FileResult(DigestParser.failed(path, "reading was interrupted; file skipped"), List.of());
        }
    }

    private static ThreadFactory bigStackThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(null, r, "paperbake-parse-" + n.incrementAndGet(), PARSE_STACK_BYTES);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Parses one file's bytes exactly as {@link #read} parses a file at {@code file} in {@code channel}
     * (same decoding, cleaning and diagnostics), for content that is not on disk yet: {@code import}
     * decides with it which revisions in a history carry entries, so import and build agree.
     */
    public ParseResult parse(Path file, String channel, byte[] bytes) {
        List<Diagnostic> extra = new ArrayList<>();
        ParseResult r = parseBytes(new Source(file, channel), bytes, extra);
        List<Diagnostic> all = new ArrayList<>(extra);
        all.addAll(r.diagnostics());
        return new ParseResult(r.digest(), all, r.entriesRead(), r.skipped());
    }

    // Any Throwable stays inside its file: one bad input must never stop the rest.
    private FileResult readOne(Source s, ParseCache cache) {
        List<Diagnostic> extra = new ArrayList<>();
        try {
            byte[] bytes = readBounded(s.path());
            if (bytes == null) {
                return new FileResult(new ParseResult(null, List.of(Diagnostic.warning(s.path(), 1, String.format(Locale.ROOT,
                        "the file is larger than %,d bytes, far beyond any digest; not read", maxFileBytes))), 0, Map.of()), extra);
            }
            if (cache == null) {
                return new FileResult(parseBytes(s, bytes, extra), extra);
            }
            // One digest of the bytes, both to find the parse and to stand for the file later on.
            byte[] key = ParseCache.key(s.path(), s.channel(), bytes);
            Optional<ParseResult> kept = cache.get(key, s.path(), parser.dates(), asDecoded -> sourceText(s.path(), bytes, asDecoded));
            if (kept.isPresent()) {
                return new FileResult(kept.get(), List.of());
            }
            // Kept with the decoding's and cleaning's diagnostics first, in the order read() reports them.
            Parsed parsed = parseBytes(s, bytes, extra, true);
            ParseResult r = parsed.result();
            List<Diagnostic> all = new ArrayList<>(extra);
            all.addAll(r.diagnostics());
            ParseResult whole = new ParseResult(r.digest(), all, r.entriesRead(), r.skipped());
            cache.put(key, s.path(), whole, parser.dates(), parsed.spans());
            return new FileResult(whole, List.of());
        } catch (IOException e) {
            return new FileResult(DigestParser.failed(s.path(), "could not read the file (" + ReadFailure.reason(e) + "); file skipped"), extra);
        }
    }

    private ParseResult parseBytes(Source s, byte[] bytes, List<Diagnostic> extra) {
        return parseBytes(s, bytes, extra, false).result();
    }

    /** A file's parse, and where its entries' long fields are in its text when asked and when it has text. */
    private record Parsed(ParseResult result, SourceSpans spans) {}

    private Parsed parseBytes(Source s, byte[] bytes, List<Diagnostic> extra, boolean withSpans) {
        try {
            int nul = hasUtf16Bom(bytes) ? -1 : firstNul(bytes, BINARY_PROBE_BYTES);
            if (nul >= 0) {
                // Not a broken digest but a different kind of file: a warning, as for other non-digests.
                return new Parsed(new ParseResult(null, List.of(Diagnostic.warning(s.path(), lineAt(bytes, nul),
                        "the file contains NUL bytes, so it is binary, not a Markdown digest; file skipped")), 0, Map.of()), null);
            }
            String decoded = decode(bytes, s.path(), extra);
            ParseText text = RawText.clean(decoded, bytes.length, s.path(), extra);
            // RawText hands back the very string it was given when it had nothing to clean.
            SourceSpans spans = withSpans ? new SourceSpans(text.text(), text.text() == decoded) : null;
            return new Parsed(parser.parse(s.path(), s.channel(), text, spans), spans);
        } catch (StackOverflowError e) {
            return new Parsed(DigestParser.failed(s.path(), "the Markdown is nested too deeply to parse; file skipped"), null);
        } catch (OutOfMemoryError e) {
            return new Parsed(DigestParser.failed(s.path(), "the file is too large to parse in the available memory; file skipped"), null);
        } catch (RuntimeException e) {
            return new Parsed(DigestParser.failed(s.path(), "could not parse the file (" + e + "); file skipped"), null);
        }
    }

    /**
     * The text {@link #parseBytes} parses {@code bytes} from, for a cached parse that names its
     * fields by offset; its diagnostics were kept with that parse.
     *
     * @param asDecoded the parse found nothing to clean, so the decoded bytes are that text
     */
    static String sourceText(Path file, byte[] bytes, boolean asDecoded) {
        List<Diagnostic> kept = new ArrayList<>();
        String decoded = decode(bytes, file, kept);
        return asDecoded ? decoded : RawText.clean(decoded, bytes.length, file, kept).text();
    }

    /** The file's bytes, or null when it has more than {@code maxFileBytes}; never reads past the bound. */
    private byte[] readBounded(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
            return bytes.length > maxFileBytes ? null : bytes;
        }
    }

    /*
     * A digest opens with text ("# 摘要" or front matter), so a NUL this early means another kind of
     * file; NULs further in are damage to a digest (garbage appended), removed by RawText so the
     * entries before them are still published.
     */
    static final int BINARY_PROBE_BYTES = 512;

    /** UTF-16 text is full of NUL bytes, so it is recognised by its BOM before the binary probe. */
    private static boolean hasUtf16Bom(byte[] bytes) {
        return bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF
                || (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE);
    }

    private static int firstNul(byte[] bytes, int limit) {
        for (int i = 0; i < Math.min(limit, bytes.length); i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * UTF-8, BOM removed (with a warning: digests are plain UTF-8). UTF-16 with a BOM is what some
     * editors save, so it is read as such rather than as binary. Invalid bytes become U+FFFD and
     * the first bad place is reported by line, so the digest is still published and someone can
     * find and fix the byte. Line breaks are normalized later, by {@link RawText}.
     */
    static String decode(byte[] bytes, Path file, List<Diagnostic> diagnostics) {
        if (hasUtf16Bom(bytes)) {
            diagnostics.add(Diagnostic.warning(file, 1, "the file is UTF-16 text, but digests are UTF-8; it was read as UTF-16"));
            return new String(bytes, StandardCharsets.UTF_16);
        }
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        int start = bom ? 3 : 0;
        if (bom) {
            diagnostics.add(Diagnostic.warning(file, 1,
                    "the file starts with a byte order mark (U+FEFF), which UTF-8 digests should not have; it was ignored"));
        }
        String fast = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            // No replacement character came out, so every byte was valid: skip the strict pass.
            return fast;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length - start + 1);
        CoderResult r = strict.decode(in, out, true);
        if (!r.isError()) {
            return fast; // the U+FFFD were in the text itself
        }
        int bad = in.position();
        int line = 1;
        for (int i = start; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        diagnostics.add(Diagnostic.warning(file, line,
                "the file is not valid UTF-8 (first bad byte at offset " + bad + "); invalid bytes were replaced by U+FFFD"));
        return fast;
    }
}
