package paperbake.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportBundleStream;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.FS;

/**
 * A digest repository's history, read with JGit (no git binary): a bare repository, a clone (or
 * worktree), or a {@code .bundle} file, which is fetched into memory. Every JGit type stays in this
 * class; callers get commit and blob ids as hex strings and {@link FileRevision}s.
 */
public final class GitHistory implements AutoCloseable {

    /** Blobs above this are not digests a parser would take (RawText warns at 10 MB) and would only exhaust memory. */
    private static final int MAX_BLOB_BYTES = 64 * 1024 * 1024;

    private final Repository repo;
    private final String ref;
    private final ObjectId tip;

    private GitHistory(Repository repo, String ref, ObjectId tip) {
        this.repo = repo;
        this.ref = ref;
        this.tip = tip;
    }

    /**
     * @param source a repository folder or a bundle file
     * @param ref    a branch or ref name, or null for the default branch (HEAD, else main or master,
     *               else the only branch)
     */
    public static GitHistory open(Path source, String ref) throws HistoryException {
        Repository repo = null;
        try {
            repo = Files.isRegularFile(source) ? fromBundle(source) : fromFolder(source);
            String name = ref == null ? defaultBranch(repo) : resolve(repo, ref);
            ObjectId tip = repo.resolve(name + "^{commit}");
            if (tip == null) {
                throw new HistoryException(source + ": " + name + " does not name a commit");
            }
            GitHistory history = new GitHistory(repo, name, tip);
            repo = null;
            return history;
        } catch (IOException | RuntimeException e) {
            throw new HistoryException(source + ": cannot read the repository (" + e.getMessage() + ")", e);
        } finally {
            if (repo != null) {
                repo.close();
            }
        }
    }

    /** What {@code init} needs to know of a clone, when it is one. */
    public record Checkout(String branch, String originName) {}

    /**
     * The branch checked out in {@code dir} and the repository name of its {@code origin} remote
     * ("https://github.com/me/arxiv-digest.git" gives "arxiv-digest"); either may be null.
     */
    public static Checkout checkout(Path dir) {
        try (Repository repo = fromFolder(dir)) {
            String url = repo.getConfig().getString("remote", "origin", "url");
            String name = null;
            if (url != null) {
                String last = url.replaceAll("[/\\\\]+$", "");
                last = last.substring(Math.max(last.lastIndexOf('/'), last.lastIndexOf(':')) + 1);
                name = last.endsWith(".git") ? last.substring(0, last.length() - 4) : last;
            }
            return new Checkout(repo.getBranch(), name == null || name.isEmpty() ? null : name);
        } catch (IOException | HistoryException | RuntimeException e) {
            return new Checkout(null, null);
        }
    }

    private static Repository fromFolder(Path dir) throws IOException, HistoryException {
        if (!Files.isDirectory(dir)) {
            throw new HistoryException(dir + ": no such repository folder or bundle file");
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        if (RepositoryCache.FileKey.isGitRepository(dir.toFile(), FS.DETECTED)) {
            builder.setGitDir(dir.toFile()); // bare, or the .git folder itself
        } else if (Files.exists(dir.resolve(Constants.DOT_GIT))) {
            builder.setWorkTree(dir.toFile()); // a clone; also a worktree whose .git is a file
        } else {
            throw new HistoryException(dir + ": not a git repository (no .git, and not a bare repository)");
        }
        return builder.build();
    }

    /** A bundle is a pack with a ref list: fetch it into a repository that lives only in memory. */
    private static Repository fromBundle(Path bundle) throws IOException {
        InMemoryRepository repo = new InMemoryRepository(new DfsRepositoryDescription(bundle.getFileName().toString()));
        // TransportBundleStream, not Transport.open: the file transport asks the repository's FS, which an in-memory one lacks.
        try (InputStream in = Files.newInputStream(bundle);
             Transport transport = new TransportBundleStream(repo, new URIish(bundle.toUri().toURL()), in)) {
            transport.fetch(NullProgressMonitor.INSTANCE, List.of(new RefSpec("+refs/*:refs/*")));
        } catch (IOException | RuntimeException e) {
            repo.close();
            throw e;
        }
        return repo;
    }

    private static String resolve(Repository repo, String ref) throws IOException, HistoryException {
        Ref r = repo.findRef(ref);
        if (r == null) {
            throw new HistoryException("no branch or ref named " + ref + "; branches: " + branches(repo));
        }
        return r.getTarget().getName();
    }

    private static String defaultBranch(Repository repo) throws IOException, HistoryException {
        Ref head = repo.exactRef(Constants.HEAD);
        if (head != null && head.getObjectId() != null) {
            return head.getTarget().getName();
        }
        for (String name : List.of("refs/heads/main", "refs/heads/master")) {
            if (repo.exactRef(name) != null) {
                return name;
            }
        }
        List<String> branches = branches(repo);
        if (branches.size() == 1) {
            return branches.get(0);
        }
        throw new HistoryException(branches.isEmpty() ? "the repository has no branch"
                : "no default branch; choose one with --ref: " + branches);
    }

    private static List<String> branches(Repository repo) throws IOException {
        List<String> names = new ArrayList<>();
        for (Ref r : repo.getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) {
            names.add(r.getName());
        }
        return names;
    }

    /** The full name of the branch read ("refs/heads/master"). */
    public String ref() {
        return ref;
    }

    /** The commit the branch points at. */
    public String tip() {
        return tip.name();
    }

    /** The files of the tip's tree whose path matches one of the globs, sorted. */
    public List<String> files(List<PathMatcher> globs) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
            tree.addTree(walk.parseCommit(tip).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                String path = tree.getPathString();
                Path p = Path.of(path);
                if (globs.stream().anyMatch(g -> g.matches(p))) {
                    out.add(path);
                }
            }
        }
        return List.copyOf(out);
    }

    /** Whether {@code commit} exists here and the tip descends from it (or is it). False after a force push. */
    public boolean reaches(String commit) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            ObjectId id = ObjectId.fromString(commit);
            return walk.isMergedInto(walk.parseCommit(id), walk.parseCommit(tip));
        } catch (MissingObjectException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The commits that changed {@code path}, newest first, as {@code git log -- path} lists them
     * (history simplified to the file), stopping at {@code since} (exclusive; null for all):
     * a re-run costs what the new commits cost, not the whole history.
     */
    public List<FileRevision> revisions(String path, String since) throws IOException {
        List<FileRevision> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo)) {
            walk.markStart(walk.parseCommit(tip));
            if (since != null) {
                walk.markUninteresting(walk.parseCommit(ObjectId.fromString(since)));
            }
            walk.setTreeFilter(AndTreeFilter.create(PathFilter.create(path), TreeFilter.ANY_DIFF));
            for (RevCommit c : walk) {
                try (TreeWalk tw = TreeWalk.forPath(repo, path, c.getTree())) {
                    String blob = tw == null || tw.getFileMode(0).getObjectType() != Constants.OBJ_BLOB
                            ? null : tw.getObjectId(0).name();
                    out.add(new FileRevision(path, c.name(), Instant.ofEpochSecond(c.getCommitTime()), blob));
                }
            }
        }
        return out;
    }

    /** A file's content by its blob id. */
    public byte[] read(String blob) throws IOException {
        return repo.open(ObjectId.fromString(blob), Constants.OBJ_BLOB).getCachedBytes(MAX_BLOB_BYTES);
    }

    @Override
    public void close() {
        repo.close();
    }
}
