package paperbake.index;

import java.util.List;
import paperbake.model.ArxivId;

/**
 * A topic with its members: exactly the papers its query matches in the index.
 *
 * @param members newest first (the index's doc order, {@link LuceneIndex#ORDER})
 */
public record Topic(TopicSpec spec, List<ArxivId> members) {

    public Topic {
        members = List.copyOf(members);
    }

    public String slug() {
        return spec.slug();
    }
}
