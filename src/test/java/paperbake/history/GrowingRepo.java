package paperbake.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand.ResetType;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** A digest repository a test grows commit by commit, as the bot does, at chosen commit times. */
public final class GrowingRepo implements AutoCloseable {

    private final Git git;
    public final Path dir;

    private GrowingRepo(Git git, Path dir) {
        this.git = git;
        this.dir = dir;
    }

    public static GrowingRepo init(Path dir) throws GitAPIException {
        return new GrowingRepo(Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
    }

    /** Writes {@code file} and commits it at {@code time} (UTC, e.g. "2024-03-07T03:05:00Z"); returns the commit id. */
    public String commit(String file, String text, String time) throws IOException, GitAPIException {
        Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
        git.add().addFilepattern(file).call();
        PersonIdent bot = new PersonIdent("bot", "bot@example.org", Instant.parse(time), ZoneOffset.UTC);
        RevCommit c = git.commit().setMessage("Add changes").setAuthor(bot).setCommitter(bot).call();
        return c.name();
    }

    /** Deletes {@code file} in a commit at {@code time}. */
    public String delete(String file, String time) throws GitAPIException {
        git.rm().addFilepattern(file).call();
        PersonIdent bot = new PersonIdent("bot", "bot@example.org", Instant.parse(time), ZoneOffset.UTC);
        return git.commit().setMessage("Remove " + file).setAuthor(bot).setCommitter(bot).call().name();
    }

    /** Sets the origin remote, as a clone of a GitHub repository has it. */
    public void setOrigin(String url) throws IOException {
        var config = git.getRepository().getConfig();
        config.setString("remote", "origin", "url", url);
        config.save();
    }

    /** Moves the branch back to {@code commit}, as a force push of a rewritten history would. */
    void resetHard(String commit) throws GitAPIException {
        git.reset().setMode(ResetType.HARD).setRef(commit).call();
    }

    /** A digest listing these arXiv ids: a summary table row and a detail block each. */
    public static String digest(String... ids) {
        StringBuilder rows = new StringBuilder();
        StringBuilder blocks = new StringBuilder();
        for (int i = 0; i < ids.length; i++) {
            String url = "https://arxiv.org/abs/" + ids[i];
            rows.append("| [^").append(i + 1).append("] | [Paper ").append(ids[i]).append("](").append(url).append(") | 摘要").append(i + 1).append(" |\n");
            blocks.append("[^").append(i + 1).append("]: 论文").append(i + 1).append('\n')
                    .append("    Paper ").append(ids[i]).append("\n\n")
                    .append("    [").append(url).append("](").append(url).append(")\n\n")
                    .append("    简述\n\n    \n\n    中文摘要\n\n    English abstract.\n\n    \n");
        }
        return "# 摘要\n\n| Ref | Title | Summary |\n| --- | --- | --- |\n" + rows + "\n\n# 详细\n\n" + blocks;
    }

    static final String SKELETON = digest();

    @Override
    public void close() {
        git.close();
    }
}
