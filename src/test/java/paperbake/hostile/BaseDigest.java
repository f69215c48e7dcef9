package paperbake.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A small real digest (three new-style entries) as text, with the places mutations aim at. */
record BaseDigest(String text) {

    static BaseDigest load(String resource) {
        try (InputStream in = BaseDigest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new BaseDigest(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The arXiv ids the digest links to, in order, by the independent regex. */
    List<String> ids() {
        return new ArrayList<>(ArxivLinks.ids(text));
    }

    String id(int n) {
        return ids().get(n - 1);
    }

    /** 1-based line of the first line starting with {@code prefix}. */
    static int lineStarting(String text, String prefix) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no line starts with " + prefix);
    }

    /** 1-based line holding character {@code offset}. */
    static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    static int lineCount(String text) {
        return lineAt(text, text.length());
    }

    int rowLine(int n) {
        return lineStarting(text, "| [^" + n + "] |");
    }

    int blockLine(int n) {
        return lineStarting(text, "[^" + n + "]:");
    }

    /** The row of entry n, without its line break. */
    String row(int n) {
        return line(rowLine(n));
    }

    String line(int n) {
        return text.split("\n", -1)[n - 1];
    }

    /** Block n from its "[^n]:" line up to the next block or the end. */
    String block(int n) {
        int start = text.indexOf("\n[^" + n + "]:") + 1;
        int next = text.indexOf("\n[^", start + 1);
        return text.substring(start, next < 0 ? text.length() : next + 1);
    }

    /** The k-th indented paragraph line of block n (0: English title, 1: link, 2: TL;DR, 3: separator, 4: zh abstract, 5: en abstract). */
    String blockParagraph(int n, int k) {
        List<String> paras = new ArrayList<>();
        for (String l : block(n).split("\n")) {
            if (l.startsWith("    ")) {
                paras.add(l);
            }
        }
        return paras.get(k);
    }

    String table() {
        int start = text.indexOf("| Ref |");
        int end = text.indexOf("\n\n", start);
        return text.substring(start, end + 1);
    }
}
