package paperbake.parse;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import paperbake.cache.BuildCache;
import paperbake.model.ArxivId;
import paperbake.model.Digest;
import paperbake.model.DigestId;
import paperbake.model.Entry;
import paperbake.report.Diagnostic;

/**
 * One file's parse, kept in the {@link BuildCache} under a digest of what the parse depends on:
 * the file's name (its date and slug), its channel and its bytes. The folder is not part of the
 * key: paths in the result are the file's own and are put back as the file is found now, so a
 * moved checkout (a CI runner's new workspace) still hits.
 *
 * <p>The build's date matters only to a digest dated after it (a warning that names the date),
 * so an entry is used only when its digest's date is not after the last plausible date of
 * either build. The format is this class's own (strings, numbers, flags read field by field):
 * reading a cache can never run code, as a general deserializer restoring classes named in the
 * file could, and any inconsistency reads as a miss. TL;DRs and abstracts, most of a digest's
 * bytes, are kept as offsets into the file's text where the parse found them there as they are
 * ({@link SourceSpans}): a hit has the file's bytes at hand (they are in its key) and decodes
 * them again, where a copy made the cache as large as the content (354 MB for 419 MB of
 * Markdown) and its writing a tenth of a clean build's parse.
 */
public final class ParseCache {

    static final String KIND = "parse";
    private static final int FORMAT = 3;
    private static final SourceSpans.Offsets NOWHERE = new SourceSpans.Offsets(-1, -1, -1, -1);

    /** A file's text as the parse reads it, for the fields a kept parse names by offset. */
    @FunctionalInterface
    interface FileText {
        /** @param asDecoded the file's decoded bytes are that text as they are: cleaning them would change nothing */
        String read(boolean asDecoded);
    }

    private final BuildCache cache;
    private final boolean reuse;
    private final Map<Path, byte[]> sources = new ConcurrentHashMap<>();

    /** @param reuse false: parse every file and only store the results (a clean build) */
    public ParseCache(BuildCache cache, boolean reuse) {
        this.cache = cache;
        this.reuse = reuse;
    }

    Optional<ParseResult> get(Path file, String channel, byte[] bytes, DateLimits dates, FileText text) {
        return get(key(file, channel, bytes), file, dates, text);
    }

    /**
     * @param key  {@link #key} of the file's name, channel and bytes, which is kept as its {@link #sourceKeys}
     * @param text the file's text as the parse reads it, asked for only when the kept parse names fields by offset
     */
    Optional<ParseResult> get(byte[] key, Path file, DateLimits dates, FileText text) {
        sources.put(file, key);
        if (!reuse) {
            return Optional.empty();
        }
        Optional<byte[]> payload = cache.get(KIND, key);
        if (payload.isEmpty()) {
            return Optional.empty();
        }
        try {
            ParseResult r = decode(payload.get(), file, text);
            LocalDate date = r.digest() == null ? null : r.digest().date();
            return date != null && date.isAfter(dates.latest()) ? Optional.empty() : Optional.of(r);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a payload that passed its checksum but not the format: a miss
        }
    }

    /**
     * Stores {@code result}, unless its digest is dated after the build's last plausible date or
     * the parse failed (an error may be the machine's, such as memory, not the file's).
     */
    void put(Path file, String channel, byte[] bytes, ParseResult result, DateLimits dates) {
        put(key(file, channel, bytes), file, result, dates, null);
    }

    /**
     * @param key   {@link #key} of the file's name, channel and bytes
     * @param spans where the entries' long fields are in the file's text, which are then kept as offsets; or null
     */
    void put(byte[] key, Path file, ParseResult result, DateLimits dates, SourceSpans spans) {
        LocalDate date = result.digest() == null ? null : result.digest().date();
        if (date != null && date.isAfter(dates.latest())
                || result.diagnostics().stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR)) {
            return;
        }
        cache.put(KIND, key, encode(result, file, spans));
    }

    /**
     * The {@link #key} of every file looked up in this build, by path (a digest's
     * {@code source}): what it was parsed from. A page made only from digests whose keys are as
     * before is made from the same entries ({@code render.RenderCache}).
     */
    public Map<Path, byte[]> sourceKeys() {
        return Map.copyOf(sources);
    }

    /** After a build: drops the parses of files that are gone or changed. */
    public void forgetUnused() throws IOException {
        cache.forgetUnused(KIND);
    }

    /**
     * What a file's parse depends on, digested: its name, its channel and its bytes (and the code,
     * which names the cache), kept by {@link #get} for {@link #sourceKeys}.
     */
    static byte[] key(Path file, String channel, byte[] bytes) {
        return BuildCache.key(String.valueOf(file.getFileName()).getBytes(StandardCharsets.UTF_8),
                (channel == null ? "\0" : channel).getBytes(StandardCharsets.UTF_8), bytes);
    }

    static byte[] encode(ParseResult r, Path file, SourceSpans spans) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(sizeBound(r, spans));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeBoolean(spans != null && spans.decodedAsIs());
            Digest d = r.digest();
            out.writeBoolean(d != null);
            if (d != null) {
                text(out, d.id().channel());
                text(out, d.id().name());
                out.writeBoolean(d.source().equals(file));
                if (!d.source().equals(file)) {
                    text(out, d.source().toString());
                }
                text(out, d.date() == null ? "" : d.date().toString());
                text(out, d.title());
                out.writeInt(d.entries().size());
                for (Entry e : d.entries()) {
                    text(out, e.ref().id().value());
                    out.writeInt(e.ref().version());
                    out.writeInt(e.line());
                    text(out, e.titleZh());
                    text(out, e.titleEn());
                    SourceSpans.Offsets at = offsets(spans, e);
                    field(out, e.tldrZh(), at.tldrZh());
                    field(out, e.tldrEn(), at.tldrEn());
                    field(out, e.abstractZh(), at.abstractZh());
                    field(out, e.abstractEn(), at.abstractEn());
                    out.writeBoolean(e.abstractZhTruncated());
                    out.writeBoolean(e.abstractEnTruncated());
                    text(out, e.announceType());
                    text(out, e.category());
                }
                out.writeInt(d.others().size());
                for (Digest.UnlinkedEntry u : d.others()) {
                    out.writeInt(u.line());
                    text(out, u.titleZh());
                    text(out, u.titleEn());
                    text(out, u.tldrZh());
                    text(out, u.url());
                }
            }
            out.writeInt(r.diagnostics().size());
            for (Diagnostic g : r.diagnostics()) {
                out.writeByte(g.severity().ordinal());
                boolean own = file.equals(g.file());
                out.writeBoolean(own);
                if (!own) {
                    text(out, String.valueOf(g.file()));
                }
                out.writeInt(g.line());
                text(out, g.message());
            }
            out.writeInt(r.entriesRead());
            out.writeInt(r.skipped().size());
            for (var s : new java.util.TreeMap<>(r.skipped()).entrySet()) {
                text(out, s.getKey());
                out.writeInt(s.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return bytes.toByteArray();
    }

    /**
     * Room for the encoding at once (a digest's is tens of kilobytes, and a buffer grown by
     * doubling from 4 KB copied it four times over): UTF-8 takes at most three bytes a char, and a
     * text's kind and length five more. An overestimate costs only this temporary buffer.
     */
    private static int sizeBound(ParseResult r, SourceSpans spans) {
        long n = 1024;
        if (r.digest() != null) {
            for (Entry e : r.digest().entries()) {
                SourceSpans.Offsets at = offsets(spans, e);
                n += 64 + 3L * (e.titleZh().length() + e.titleEn().length() + e.announceType().length() + e.category().length())
                        + bound(e.tldrZh(), at.tldrZh()) + bound(e.tldrEn(), at.tldrEn())
                        + bound(e.abstractZh(), at.abstractZh()) + bound(e.abstractEn(), at.abstractEn());
            }
            n += 256L * r.digest().others().size();
        }
        return (int) Math.min(n, 64L << 20); // past this the buffer grows as it must
    }

    private static long bound(String field, int at) {
        return at < 0 ? 3L * field.length() : 0;
    }

    private static SourceSpans.Offsets offsets(SourceSpans spans, Entry e) {
        SourceSpans.Offsets at = spans == null ? null : spans.of(e);
        return at == null ? NOWHERE : at;
    }

    /** @param text the file's text, asked for when a field is named by its offset there */
    static ParseResult decode(byte[] payload, Path file, FileText text) throws IOException {
        Fields in = new Fields(payload, text);
        Digest digest = null;
        if (in.readBoolean()) {
            DigestId id = new DigestId(in.text(), in.text());
            Path source = in.readBoolean() ? file : Path.of(in.text());
            String date = in.text();
            String title = in.text();
            int n = in.count();
            List<Entry> entries = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ArxivId.Ref ref = new ArxivId.Ref(new ArxivId(in.text()), in.readInt());
                entries.add(new Entry(ref, in.readInt(), in.text(), in.text(), in.text(), in.text(), in.text(), in.text(),
                        in.readBoolean(), in.readBoolean(), in.text(), in.text()));
            }
            int m = in.count();
            List<Digest.UnlinkedEntry> others = new ArrayList<>(m);
            for (int i = 0; i < m; i++) {
                others.add(new Digest.UnlinkedEntry(in.readInt(), in.text(), in.text(), in.text(), in.text()));
            }
            digest = new Digest(id, source, date.isEmpty() ? null : LocalDate.parse(date), title,
                    List.copyOf(entries), List.copyOf(others));
        }
        int k = in.count();
        List<Diagnostic> diagnostics = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            Diagnostic.Severity severity = Diagnostic.Severity.values()[in.readByte()];
            Path where = in.readBoolean() ? file : Path.of(in.text());
            diagnostics.add(new Diagnostic(severity, where, in.readInt(), in.text()));
        }
        int read = in.readInt();
        int s = in.count();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        for (int i = 0; i < s; i++) {
            skipped.put(in.text(), in.readInt());
        }
        if (in.available() != 0) {
            throw new IOException("trailing bytes");
        }
        return new ParseResult(digest, diagnostics, read, skipped);
    }

    /**
     * UTF-8 when it round-trips, else the UTF-16 units as they are: a field cut inside a
     * surrogate pair must come back exactly as the parser made it.
     */
    private static void text(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        // The encoder writes '?' for a lone surrogate, so bytes without one need no closer look.
        if (indexOfQuestionMark(utf8) < 0 || pairedSurrogates(s)) {
            out.writeByte(0);
            out.writeInt(utf8.length);
            out.write(utf8);
        } else {
            out.writeByte(1);
            out.writeInt(s.length());
            out.writeChars(s);
        }
    }

    /**
     * Whether {@code s} comes back from UTF-8 as it is: the encoder replaces only a surrogate
     * without its other half. Checked on the chars, not by decoding the bytes back, which was a
     * tenth of the parse stage's CPU.
     */
    static boolean pairedSurrogates(String s) {
        char[] chars = s.toCharArray(); // a bulk copy: see Text.normalize
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (Character.isHighSurrogate(c) && i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1])) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOfQuestionMark(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '?') {
                return i;
            }
        }
        return -1;
    }

    /** Writes {@code s} as its offset in the file's text when it has one there, else as {@link #text}. */
    private static void field(DataOutputStream out, String s, int at) throws IOException {
        if (at < 0) {
            text(out, s);
        } else {
            out.writeByte(2);
            out.writeInt(at);
            out.writeInt(s.length());
        }
    }

    /**
     * An encoding read back field by field, straight from its array (through a DataInputStream
     * over a ByteArrayInputStream, each byte was a call: half of reading a cached parse). A
     * short or inconsistent one fails, which reads as a miss.
     */
    private static final class Fields {
        private final ByteBuffer in;
        private final FileText source;
        private String text;
        /** Whether the file's decoded bytes are its text as they are, as the encoding's head says. */
        private final boolean asDecoded;

        /** Reads the encoding's head: its format, and whether cleaning changed the file's text. */
        Fields(byte[] payload, FileText source) throws IOException {
            this.in = ByteBuffer.wrap(payload);
            this.source = source;
            if (readInt() != FORMAT) {
                throw new IOException("another format");
            }
            this.asDecoded = readBoolean();
        }

        int readInt() {
            return in.getInt();
        }

        byte readByte() {
            return in.get();
        }

        boolean readBoolean() {
            return in.get() != 0;
        }

        int available() {
            return in.remaining();
        }

        int count() throws IOException {
            int n = in.getInt();
            if (n < 0 || n > in.remaining()) {
                throw new IOException("bad length");
            }
            return n;
        }

        String text() throws IOException {
            int kind = in.get();
            if (kind == 2) {
                int at = in.getInt();
                int n = in.getInt();
                if (text == null) {
                    text = source.read(asDecoded);
                }
                if (at < 0 || n < 0 || at > text.length() - n) {
                    throw new IOException("an offset outside the file's text");
                }
                return text.substring(at, at + n);
            }
            int n = count();
            if (kind == 0) {
                String s = new String(in.array(), in.position(), n, StandardCharsets.UTF_8);
                in.position(in.position() + n);
                return s;
            }
            if (kind != 1 || 2L * n > in.remaining()) {
                throw new IOException("bad text");
            }
            char[] chars = new char[n];
            in.asCharBuffer().get(chars);
            in.position(in.position() + 2 * n);
            return new String(chars);
        }
    }
}
