package paperbake.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * The pure part of reading a detail block: its body split into slots (paragraphs and empty-field
 * markers) and the slots after the link assigned to fields by position. No flexmark types, no
 * diagnostics: offsets into the text in, strings out (and, when a {@link SourceSpans} is given,
 * where each paragraph was read).
 */
final class Slots {

    private Slots() {}

    /** The four positional fields after a block's link; absent ones are empty. */
    record Fields(String tldrZh, String tldrEn, String abstractZh, String abstractEn) {}

    /** Stands for a whitespace-only line inside a block: an empty field or the separator. Compared by identity. */
    static final String MARKER = new String("<marker>");

    /*
     * Splits a block body into paragraphs (consecutive content lines) and MARKERs (whitespace-only
     * lines that stand alone between blank lines). A whitespace-only line right after a paragraph
     * is the block's closing line and is not a slot. The body is {@code text} from {@code from}
     * to {@code to}, read in place; {@code spans}, when given, is told where each paragraph was read.
     */
    static List<String> split(String text, int from, int to, SourceSpans spans) {
        List<String> out = new ArrayList<>();
        Lines para = null;
        int pos = from;
        while (pos <= to) {
            int nl = text.indexOf('\n', pos);
            if (nl >= to) {
                nl = -1;
            }
            int end = nl < 0 ? to : nl;
            if (pos == to && nl < 0) {
                break;
            }
            boolean empty = end == pos;
            boolean blank = !empty && isBlank(text, pos, end);
            if (empty) {
                if (para != null) {
                    out.add(para.normalized(spans));
                    para = null;
                }
            } else if (blank) {
                if (para != null) {
                    out.add(para.normalized(spans));
                    para = null;
                } else {
                    out.add(MARKER);
                }
            } else {
                if (para == null) {
                    para = new Lines(text, pos, end);
                } else {
                    para.addLine(pos, end);
                }
            }
            pos = end + 1;
        }
        if (para != null) {
            out.add(para.normalized(spans));
        }
        return out;
    }

    /**
     * Consecutive content lines, joined by a space and normalized. Nearly every paragraph is one
     * line, normalized straight from the text; only a paragraph of several lines is copied.
     */
    private static final class Lines {
        private final String text;
        private final int start;
        private final int end;
        private StringBuilder joined;

        Lines(String text, int start, int end) {
            this.text = text;
            this.start = start;
            this.end = end;
        }

        void addLine(int from, int to) {
            if (joined == null) {
                joined = new StringBuilder().append(text, start, end);
            }
            joined.append(' ').append(text, from, to);
        }

        String normalized(SourceSpans spans) {
            if (joined != null) {
                return Text.normalize(joined);
            }
            String s = Text.normalize(text, start, end);
            if (spans != null) {
                spans.slot(s, start, end);
            }
            return s;
        }
    }

    private static boolean isBlank(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(Text.isSpace(c) || c == '\u200B' || c == '\uFEFF')) {
                return false;
            }
        }
        return true;
    }

    static String content(String slot) {
        return slot == MARKER ? "" : slot;
    }

    /** The paragraphs joined by a space; a lone paragraph is returned as it is, so its {@link SourceSpans} region still applies. */
    static String join(List<String> slots) {
        if (slots.size() == 1 && slots.get(0) != MARKER) {
            return slots.get(0);
        }
        StringBuilder b = new StringBuilder();
        for (String s : slots) {
            if (s != MARKER) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(s);
            }
        }
        return b.toString();
    }

    /*
     * Positional layout after the URL. New layout: TL;DR, a four-space separator line,
     * Chinese abstract, English abstract; an empty field is itself a four-space line.
     * Earliest layout (no separator): Chinese TL;DR, English TL;DR, Chinese abstract,
     * English abstract; with only two paragraphs the TL;DR is missing.
     */
    static Fields assign(List<String> s) {
        String tldrZh = "";
        String tldrEn = "";
        String absZh = "";
        String absEn = "";
        boolean separated = s.contains(MARKER);
        if (separated) {
            List<String> after;
            if (s.size() >= 2 && s.get(1) == MARKER) {
                tldrZh = content(s.get(0));
                after = s.subList(2, s.size());
            } else if (s.get(0) == MARKER) {
                after = s.subList(1, s.size());
            } else {
                int sep = s.indexOf(MARKER);
                tldrZh = join(s.subList(0, sep));
                after = s.subList(sep + 1, s.size());
            }
            if (after.size() >= 2) {
                absZh = join(after.subList(0, after.size() - 1));
                absEn = content(after.get(after.size() - 1));
            } else if (after.size() == 1) {
                String only = content(after.get(0));
                if (Text.hasCjk(only)) {
                    absZh = only;
                } else {
                    absEn = only;
                }
            }
        } else {
            switch (s.size()) {
                case 0 -> { }
                case 1 -> {
                    if (Text.hasCjk(s.get(0))) {
                        absZh = s.get(0);
                    } else {
                        absEn = s.get(0);
                    }
                }
                case 2 -> {
                    absZh = s.get(0);
                    absEn = s.get(1);
                }
                case 3 -> {
                    tldrZh = s.get(0);
                    absZh = s.get(1);
                    absEn = s.get(2);
                }
                default -> {
                    tldrZh = s.get(0);
                    tldrEn = s.get(1);
                    absZh = join(s.subList(2, s.size() - 1));
                    absEn = s.get(s.size() - 1);
                }
            }
        }
        return new Fields(tldrZh, tldrEn, absZh, absEn);
    }
}
