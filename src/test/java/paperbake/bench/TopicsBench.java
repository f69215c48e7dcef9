package paperbake.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import paperbake.index.LuceneIndex;
import paperbake.index.Related;
import paperbake.index.Topic;
import paperbake.index.Topics;
import paperbake.index.TopicsFile;
import paperbake.model.Appearance;
import paperbake.model.Archive;
import paperbake.model.ArxivId;
import paperbake.model.Paper;

/**
 * What topics and related papers cost, and how good related papers are: for every paper, the
 * share of its related papers that share a topic (among papers that have one) or a channel with
 * it, against the same share for as many papers drawn at random (fixed seed).
 * Usage: {@code TopicsBench CONTENT_DIR TOPICS_YML}
 */
public final class TopicsBench {

    public static void main(String[] a) throws Exception {
        Archive archive = Corpus.read(Path.of(a[0]));
        TopicsFile.Result file = new TopicsFile().read(Path.of(a[1]));
        for (int run = 0; run < 3; run++) {
            long t0 = System.nanoTime();
            try (LuceneIndex index = LuceneIndex.build(archive)) {
                long t1 = System.nanoTime();
                Topics topics = Topics.of(file, Path.of(a[1], TopicsFile.NAME), index);
                long t2 = System.nanoTime();
                Related related = Related.of(index);
                long t3 = System.nanoTime();
                System.out.printf("run %d: index %.2f s, %d topics %.2f s, related %.2f s%n", run,
                        (t1 - t0) / 1e9, topics.topics().size(), (t2 - t1) / 1e9, (t3 - t2) / 1e9);
                if (run == 2) {
                    topics.diagnostics().forEach(System.out::println);
                    for (String share : System.getProperty("bench.minShares", "0").split(",")) {
                        float minShare = Float.parseFloat(share);
                        System.out.printf("min share %.2f:%n", minShare);
                        quality(archive, topics, Related.of(index, Related.LIMIT, minShare));
                    }
                }
            }
        }
    }

    private static void quality(Archive archive, Topics topics, Related related) {
        Map<ArxivId, Set<String>> topicsOf = new HashMap<>();
        for (Topic t : topics.topics()) {
            t.members().forEach(id -> topicsOf.computeIfAbsent(id, k -> new HashSet<>()).add(t.slug()));
        }
        List<ArxivId> all = new ArrayList<>(archive.papers().keySet());
        Random random = new Random(42);
        long pairs = 0, topicPairs = 0, topicHit = 0, channelHit = 0;
        long rTopicHit = 0, rChannelHit = 0;
        long withRelated = 0;
        for (Paper p : archive.papers().values()) {
            List<ArxivId> rel = related.of(p.id());
            if (!rel.isEmpty()) {
                withRelated++;
            }
            Set<String> mine = topicsOf.getOrDefault(p.id(), Set.of());
            for (ArxivId r : rel) {
                ArxivId rand;
                do {
                    rand = all.get(random.nextInt(all.size()));
                } while (rand.equals(p.id()));
                pairs++;
                channelHit += shareChannel(p, archive.papers().get(r)) ? 1 : 0;
                rChannelHit += shareChannel(p, archive.papers().get(rand)) ? 1 : 0;
                if (!mine.isEmpty()) {
                    topicPairs++;
                    topicHit += shares(mine, topicsOf.get(r)) ? 1 : 0;
                    rTopicHit += shares(mine, topicsOf.get(rand)) ? 1 : 0;
                }
            }
        }
        System.out.printf("papers %d, with related %d, pairs %d (%.2f per paper)%n", all.size(), withRelated, pairs,
                pairs / (double) all.size());
        System.out.printf("share a topic: related %.1f%%, random %.1f%% (%d pairs whose paper has a topic)%n",
                100.0 * topicHit / topicPairs, 100.0 * rTopicHit / topicPairs, topicPairs);
        System.out.printf("share a channel: related %.1f%%, random %.1f%%%n",
                100.0 * channelHit / pairs, 100.0 * rChannelHit / pairs);
        long inTopic = archive.papers().keySet().stream().filter(topicsOf::containsKey).count();
        System.out.printf("papers in at least one topic: %d (%.1f%%)%n", inTopic, 100.0 * inTopic / all.size());
    }

    private static boolean shares(Set<String> a, Set<String> b) {
        return b != null && b.stream().anyMatch(a::contains);
    }

    private static boolean shareChannel(Paper a, Paper b) {
        Set<String> ca = new HashSet<>();
        for (Appearance x : a.appearances()) {
            ca.add(x.digest().channel());
        }
        return b.appearances().stream().anyMatch(x -> ca.contains(x.digest().channel()));
    }
}
