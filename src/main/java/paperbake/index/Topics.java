package paperbake.index;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.FixedBitSet;
import paperbake.model.ArxivId;
import paperbake.report.Diagnostic;

/**
 * Every topic's membership, derived once from the index before rendering, so that pages only
 * read this record and never query Lucene.
 *
 * @param topics      in topics.yml order; a topic whose query matched nothing is kept, empty
 * @param diagnostics invalid queries (those topics are left out) and topics that match nothing
 */
public record Topics(List<Topic> topics, List<Diagnostic> diagnostics) {

    public static final Topics NONE = new Topics(List.of(), List.of());

    public Topics {
        topics = List.copyOf(topics);
        diagnostics = List.copyOf(diagnostics);
    }

    /** Parses each topic's query and collects every matching paper. */
    public static Topics of(TopicsFile.Result file, Path source, LuceneIndex index) {
        List<Diagnostic> problems = new ArrayList<>(file.diagnostics());
        List<Topic> topics = new ArrayList<>();
        PhraseMatches phrases = new PhraseMatches(index);
        for (TopicSpec spec : file.topics()) {
            Query query;
            try {
                query = parse(spec.query(), index);
            } catch (ParseException e) {
                problems.add(Diagnostic.warning(source, spec.line(), "topic \"" + spec.slug()
                        + "\": the query is not valid Lucene syntax, topic left out: " + firstLine(e.getMessage())));
                continue;
            }
            if (!index.positions()) {
                if (!PhraseMatches.answerable(query)) {
                    throw new IllegalStateException("topic \"" + spec.slug() + "\" needs an index with positions"
                            + " (Topics.needsPositions decides it before indexing)");
                }
                query = phrases.resolve(query);
            }
            List<ArxivId> members = new ArrayList<>();
            matches(index, query).forEach(doc -> members.add(index.papers().get(doc).id()));
            if (members.isEmpty()) {
                problems.add(Diagnostic.warning(source, spec.line(), "topic \"" + spec.slug()
                        + "\": the query matches no paper"));
            }
            topics.add(new Topic(spec, members));
        }
        problems.sort(Comparator.comparingInt(Diagnostic::line)); // file order, as an editor shows them
        return new Topics(topics, problems);
    }

    /**
     * Whether some valid query of {@code file} is one only Lucene's positional matcher answers (a
     * sloppy phrase), so the index must keep positions; read before indexing, since an index
     * without them is a third cheaper to build. Invalid queries are reported by {@link #of}.
     */
    public static boolean needsPositions(TopicsFile.Result file) {
        PaperAnalyzer analyzer = new PaperAnalyzer();
        for (TopicSpec spec : file.topics()) {
            try {
                if (!PhraseMatches.answerable(parse(spec.query(), analyzer))) {
                    return true;
                }
            } catch (ParseException e) {
                // left out of the topics, and reported, by of()
            }
        }
        return false;
    }

    /** The topic query as Lucene sees it: the index's fields and analyzer. */
    public static Query parse(String query, LuceneIndex index) throws ParseException {
        return parse(query, index.analyzer());
    }

    private static Query parse(String query, PaperAnalyzer analyzer) throws ParseException {
        QueryParser parser = new TopicQueryParser(analyzer);
        try {
            return parser.parse(query);
        } catch (RuntimeException e) { // e.g. too many clauses from a wildcard: still the query's fault
            throw new ParseException(e.getMessage());
        }
    }

    /** Every matching doc number, in doc order (newest first). */
    private static List<Integer> matches(LuceneIndex index, Query query) {
        FixedBitSet docs = index.matching(query);
        List<Integer> out = new ArrayList<>();
        for (int d = 0; d < index.papers().size(); d++) {
            if (docs.get(d)) {
                out.add(d);
            }
        }
        return out;
    }

    private static String firstLine(String message) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
