package paperbake.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real corpus in the shared folder beside the project ({@code -Dpaperbake.shared}, set by the pom). */
public final class SharedCorpus {

    private SharedCorpus() {}

    /** {@code corpus/cn-chat-arxiv}; skips the calling test where it is absent (fails it under CI). */
    public static Path cnChatArxiv() {
        Path corpus = Path.of(System.getProperty("paperbake.shared", "../shared"), "corpus", "cn-chat-arxiv");
        Required.present(Files.isDirectory(corpus), "the shared corpus is not at " + corpus.toAbsolutePath());
        return corpus;
    }

    /** {@code history/cn-chat-arxiv-2024-01-20_2024-03-10.bundle}: 200 real commits of the digest bot. */
    public static Path historyBundle() {
        Path bundle = Path.of(System.getProperty("paperbake.shared", "../shared"), "history",
                "cn-chat-arxiv-2024-01-20_2024-03-10.bundle");
        Required.present(Files.isRegularFile(bundle), "the shared history bundle is not at " + bundle.toAbsolutePath());
        return bundle;
    }
}
