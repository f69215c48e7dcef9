package paperbake.index;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;

/**
 * Lucene's classic query syntax over the search index's own fields, analyzed by the index's own
 * analyzer. A bare term searches all six fields; {@code title:}, {@code tldr:} and
 * {@code abstract:} search both languages of one part (the index's field names {@code te},
 * {@code tz}... work too). A Chinese word is matched as written (the phrase of its bigrams),
 * not as any one of its bigrams: {@code 检索增强} must not match every paper that says 增强.
 */
final class TopicQueryParser extends MultiFieldQueryParser {

    private static final Map<String, List<String>> ALIASES = Map.of(
            "title", List.of(SearchField.TITLE_EN.name, SearchField.TITLE_ZH.name),
            "tldr", List.of(SearchField.TLDR_EN.name, SearchField.TLDR_ZH.name),
            "abstract", List.of(SearchField.ABSTRACT_EN.name, SearchField.ABSTRACT_ZH.name));

    TopicQueryParser(Analyzer analyzer) {
        super(Arrays.stream(SearchField.values()).map(f -> f.name).toArray(String[]::new), analyzer);
        setSplitOnWhitespace(true); // required for the next line
        setAutoGeneratePhraseQueries(true);
        setDefaultOperator(OR_OPERATOR);
    }

    /** One field's query, for each field {@code field} stands for. */
    private interface PerField {
        Query on(String field) throws ParseException;
    }

    private Query expand(String field, PerField per) throws ParseException {
        if (field == null) {
            return per.on(null); // MultiFieldQueryParser spreads it over every field
        }
        List<String> fields = ALIASES.get(field);
        if (fields == null) {
            if (Arrays.stream(SearchField.values()).noneMatch(f -> f.name.equals(field))) {
                throw new ParseException("unknown field \"" + field + "\" (use title, tldr or abstract)");
            }
            return per.on(field);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String f : fields) {
            Query q = per.on(f);
            if (q != null) {
                b.add(q, BooleanClause.Occur.SHOULD);
            }
        }
        return b.build();
    }

    @Override
    protected Query getFieldQuery(String field, String text, boolean quoted) throws ParseException {
        return expand(field, f -> super.getFieldQuery(f, text, quoted));
    }

    @Override
    protected Query getFieldQuery(String field, String text, int slop) throws ParseException {
        return expand(field, f -> super.getFieldQuery(f, text, slop));
    }

    @Override
    protected Query getPrefixQuery(String field, String text) throws ParseException {
        return expand(field, f -> super.getPrefixQuery(f, text));
    }

    @Override
    protected Query getWildcardQuery(String field, String text) throws ParseException {
        return expand(field, f -> super.getWildcardQuery(f, text));
    }

    @Override
    protected Query getFuzzyQuery(String field, String text, float similarity) throws ParseException {
        return expand(field, f -> super.getFuzzyQuery(f, text, similarity));
    }

    @Override
    protected Query getRegexpQuery(String field, String text) throws ParseException {
        return expand(field, f -> super.getRegexpQuery(f, text));
    }

    @Override
    protected Query getRangeQuery(String field, String a, String b, boolean startInclusive, boolean endInclusive)
            throws ParseException {
        return expand(field, f -> super.getRangeQuery(f, a, b, startInclusive, endInclusive));
    }
}
