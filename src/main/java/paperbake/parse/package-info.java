/**
 * The parse stage: digest files in, {@link paperbake.model.Digest}s and diagnostics out.
 *
 * <p>{@link paperbake.parse.ContentReader} has {@code ContentWalker} find the files, reads each
 * (bounded) and hands it to {@link paperbake.parse.DigestParser}, a driver over flexmark's block
 * tree: {@code DigestIdentity} (date and name), {@code SummaryTable} (rows), {@code DetailBlock}
 * (footnote blocks, split by the pure {@code Slots}), {@code EntryAssembler} (rows and blocks
 * joined into entries), all reporting into one {@code FileReport} per file and finding lines
 * through one {@code LineMap}. Rules that are choices rather than facts of the format:
 *
 * <ul>
 *   <li><b>Layout.</b> {@code *.md} directly in the content directory is flat content (channel
 *       ""); {@code <channel>/*.md} is a channel. Deeper directories are skipped with a warning;
 *       {@code .txt}/{@code .markdown} files get a "rename to .md" warning; other files and
 *       anything hidden are not read and listed once in a note. Links are followed only inside
 *       the content directory, each real file is read once, non-regular files are skipped with
 *       a warning. Channel and undated names are slugged to {@code [A-Za-z0-9-_.]}, case kept
 *       (arXiv categories are spelled cs.CL); channel names that differ only in case are one.
 *   <li><b>Merging.</b> Table rows and footnote blocks are joined by their {@code [^N]} label.
 *       The block is the richer source; the row fills a missing title, URL or TL;DR. Either one
 *       alone still makes an entry, with a warning.
 *   <li><b>Duplicates.</b> A second row or block with an already used label is skipped and
 *       reported ("duplicate ref"); the same arXiv id under a second label is skipped and
 *       reported too ("paper listed twice in one digest"), so a digest counts each paper once.
 *   <li><b>No entries.</b> A file that lists nothing but has other text (an error message) is
 *       not published; an empty skeleton is. Both are reported.
 *   <li><b>Dates.</b> Before 1991 is refused (undated); after the build's date plus a margin
 *       ({@link paperbake.parse.DateLimits}) is reported and kept.
 *   <li><b>Old-style titles.</b> The old generator appended "." to every title, so exactly one
 *       trailing "." is removed when the entry is old style (an {@code (arXiv:...)} tail or an
 *       {@code http://} link): "Title?." gives "Title?", "et al.." gives "et al.".
 *   <li><b>Truncation.</b> English: the paragraph as written, announce prefix included, is at
 *       least 990 characters and does not end in sentence-final punctuation or a closing
 *       bracket/quote. Chinese: it ends with "……", "…" or "...", or with a short bracketed note
 *       containing 截断 (the note is removed).
 *   <li><b>Text.</b> Field text is the node's source characters with whitespace runs (TAB, NBSP,
 *       line breaks) collapsed and zero-width characters removed; nothing is unescaped, so TeX
 *       such as {@code $a_1*b$} or {@code \|} is kept as written.
 *   <li><b>Damage.</b> {@link paperbake.parse.RawText} reports and cleans what flexmark would
 *       absorb silently (empty, huge or cut-off files, very long lines, CRLF/CR, BOMs, NUL and
 *       control characters, bidi overrides) before parsing; a NUL in the first 512 bytes marks a
 *       binary file, skipped with a warning. Every warning about a file names a line (line 1
 *       for the file as a whole).
 *   <li><b>Accounting.</b> Every entry read is either published in {@code Digest.entries} or
 *       counted under a skip reason; a file that cannot be parsed at all is an ERROR.
 * </ul>
 */
package paperbake.parse;
