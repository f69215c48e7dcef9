package paperbake.history;

import java.time.Instant;

/**
 * One commit that changed a file: what {@link GitHistory} hands on, with no JGit type in it.
 *
 * @param path   the file's path in the repository ("cs.CL.md")
 * @param commit the commit's full hex id
 * @param time   the commit time (the committer's clock, as the bot's schedule runs by it)
 * @param blob   the hex id of the file's content in that commit; null when the commit deleted it
 */
public record FileRevision(String path, String commit, Instant time, String blob) {

    public boolean deleted() {
        return blob == null;
    }
}
