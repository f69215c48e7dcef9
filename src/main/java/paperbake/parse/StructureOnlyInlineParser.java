package paperbake.parse;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.block.CharacterNodeFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark's inline parser with the inline parsing of paragraphs and headings left out.
 *
 * <p>{@link DigestParser} reads only the block structure (tables, rows, cells, footnote blocks,
 * paragraphs, headings) and source offsets; field text comes from the source characters, never
 * from the inline tree. So the links, emphasis and text nodes built for every abstract were thrown
 * away, at about a third of flexmark's time. The tables extension still needs the inline parser:
 * it splits a row into cells with {@link #parseCustom}, which works through {@link #parse}, so
 * {@code parse} runs as usual while a {@code parseCustom} is under way.
 *
 * <p>{@link #match} and {@link #matchWithGroups} are flexmark's, without the {@code
 * Matcher.toMatchResult()} they call: on Java 17 it copies the whole input into a new String,
 * and the tables extension's input is the whole summary table, so each link in a row copied
 * the table once more (3% of the parse stage on cs.CL: docs/BENCHMARKS.md, "Build").
 *
 * <p>One instance per document (flexmark creates it per parse), so the counter is not shared.
 */
final class StructureOnlyInlineParser extends InlineParserImpl {

    private int customDepth;

    StructureOnlyInlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                              Map<Character, DelimiterProcessor> delimiterProcessors,
                              LinkRefProcessorData linkRefProcessors,
                              List<InlineParserExtensionFactory> inlineParserExtensions) {
        super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors, inlineParserExtensions);
    }

    @Override
    public List<Node> parseCustom(BasedSequence input, Node node, BitSet customCharacters,
                                  Map<Character, CharacterNodeFactory> nodeFactoryMap) {
        customDepth++;
        try {
            return super.parseCustom(input, node, customCharacters, nodeFactoryMap);
        } finally {
            customDepth--;
        }
    }

    @Override
    public BasedSequence match(Pattern re) {
        Matcher m = find(re);
        return m == null ? null : input.subSequence(m.start(), m.end());
    }

    @Override
    public BasedSequence[] matchWithGroups(Pattern re) {
        Matcher m = find(re);
        if (m == null) {
            return null;
        }
        BasedSequence[] groups = new BasedSequence[m.groupCount() + 1];
        for (int g = 0; g < groups.length; g++) {
            groups[g] = m.start(g) < 0 ? null : input.subSequence(m.start(g), m.end(g));
        }
        return groups;
    }

    /** The next match of {@code re} from the current index, which then moves past it; null when none. */
    private Matcher find(Pattern re) {
        if (index >= input.length()) {
            return null;
        }
        Matcher m = re.matcher(input).region(index, input.length());
        if (!m.find()) {
            return null;
        }
        index = m.end();
        return m;
    }

    /** Called by flexmark for each paragraph and heading after the block parse; a no-op outside parseCustom. */
    @Override
    public void parse(BasedSequence input, Node block) {
        if (customDepth > 0) {
            super.parse(input, block);
        }
    }
}
