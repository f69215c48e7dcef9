package paperbake.serve;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection that has not delivered a complete request head within the deadline of
 * being opened or of finishing its previous request. Jetty's idle timeout restarts on every
 * byte, so a client that drips a header line every few seconds would hold its connection (and
 * a file descriptor) forever; this bounds it in time. Jetty parses without blocking a thread, so
 * such clients never hold a worker meanwhile.
 */
final class HeaderDeadline implements Connection.Listener {

    private final Scheduler scheduler;
    private final long millis;
    private final Map<Connection, Scheduler.Task> armed = new ConcurrentHashMap<>();

    HeaderDeadline(Scheduler scheduler, Duration deadline) {
        this.scheduler = scheduler;
        this.millis = deadline.toMillis();
    }

    @Override
    public void onOpened(Connection connection) {
        arm(connection);
    }

    @Override
    public void onClosed(Connection connection) {
        disarm(connection);
    }

    /** A request head arrived: its handling is bounded by the idle timeout, not by this. */
    void headReceived(Connection connection) {
        disarm(connection);
    }

    /** The connection is waiting for its next request. */
    void arm(Connection connection) {
        Scheduler.Task task = scheduler.schedule(() -> {
            armed.remove(connection);
            connection.close();
        }, millis, TimeUnit.MILLISECONDS);
        Scheduler.Task old = armed.put(connection, task);
        if (old != null) {
            old.cancel();
        }
    }

    private void disarm(Connection connection) {
        Scheduler.Task task = armed.remove(connection);
        if (task != null) {
            task.cancel();
        }
    }
}
