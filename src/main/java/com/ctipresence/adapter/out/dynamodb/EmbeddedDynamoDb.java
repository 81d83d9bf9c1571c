package com.ctipresence.adapter.out.dynamodb;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import com.ctipresence.config.StartupRefusal;
import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * DynamoDB Local, run inside this process when no DynamoDB endpoint is configured (the local server). It keeps its
 * data in {@code cti.dynamodb.embedded.data-dir} across restarts, or in memory.
 * <p>
 * It listens on 127.0.0.1 only: DynamoDB Local checks no credentials, so anyone who could reach it could read and
 * write every table past all token and tenant checks. {@code ServerRunner} would bind every interface, so the Jetty
 * server is built here with one loopback connector around DynamoDB Local's own request handler (no CORS).
 */
@ApplicationScoped
@UnlessBuildProfile("lambda")
public class EmbeddedDynamoDb {
    static final String LOOPBACK = "127.0.0.1";
    private static final Logger LOG = Logger.getLogger(EmbeddedDynamoDb.class);

    /** The port is taken: a one-line reason, no stack trace needed. */
    public static final class PortInUseException extends IllegalStateException {
        public PortInUseException(int port) {
            super("port " + port + " (embedded DynamoDB Local) is already in use; set cti.dynamodb.embedded.port / "
                    + "CTI_DYNAMODB_EMBEDDED_PORT, or cti.dynamodb.endpoint / CTI_DYNAMODB_ENDPOINT to use another "
                    + "DynamoDB");
        }
    }

    private final DynamoDbConfig config;
    private Server server;
    private LocalDynamoDBRequestHandler database;
    private int boundPort = -1;

    public EmbeddedDynamoDb(DynamoDbConfig config) {
        this.config = config;
    }

    /**
     * Refuses the start (one line, exit code 1) if its port is taken: checked before anything starts, since the
     * store itself may start in the background (DynamoDbStartup). Port 0 (a free one) is never taken.
     */
    void refuseTakenPort() {
        int port = config.embedded().port();
        if (port <= 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(LOOPBACK, port));
        } catch (IOException taken) {
            throw new StartupRefusal(new PortInUseException(port).getMessage());
        }
    }

    /** Starts it; a taken port (taken since the check) is refused with the same line. */
    void startOrRefuse() {
        try {
            start();
        } catch (PortInUseException taken) {
            throw new StartupRefusal(taken.getMessage());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public boolean wanted() {
        return config.embedded().enabled() && config.endpoint().isEmpty();
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        if (config.endpoint().isPresent()) {
            throw new IllegalStateException("cti.dynamodb.endpoint is set: the embedded DynamoDB Local is not used");
        }
        DynamoDbConfig.Embedded embedded = config.embedded();
        String dbPath = null;
        if (!embedded.inMemory()) {
            Path dir = Path.of(embedded.dataDir()).toAbsolutePath();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create DynamoDB Local data dir " + dir, e);
            }
            dbPath = dir.toString();
            useWriteAheadLog(dir.resolve(DATABASE_FILE));
        }
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("dynamodb-local");
        threads.setDaemon(true);
        Server jetty = new Server(threads);
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(LOOPBACK);
        connector.setPort(embedded.port());
        jetty.addConnector(connector);
        LocalDynamoDBServerHandler requests;
        LocalDynamoDBRequestHandler tables;
        try {
            // (port-unused 0, inMemory, dbPath, sharedDb, delayTransientStatuses) as ServerRunner builds it;
            // CORS null: no browser origin is allowed
            tables = new LocalDynamoDBRequestHandler(0, embedded.inMemory(), dbPath, true, false);
            requests = new LocalDynamoDBServerHandler(tables, null);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create DynamoDB Local: " + e.getMessage(), e);
        }
        ContextHandler context = new ContextHandler();
        context.setHandler(requests);
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        contexts.addHandler(context);
        jetty.setHandler(contexts);
        try {
            jetty.start();
        } catch (Exception e) {
            stopQuietly(jetty, tables);
            if (causedByBind(e)) {
                throw new PortInUseException(embedded.port());
            }
            throw new IllegalStateException("cannot start embedded DynamoDB Local on " + LOOPBACK + ":"
                    + embedded.port() + ": " + e.getMessage(), e);
        }
        server = jetty;
        database = tables;
        boundPort = connector.getLocalPort();
        LOG.infof("embedded DynamoDB Local listening on %s:%d only (%s)", LOOPBACK, boundPort,
                embedded.inMemory() ? "in memory" : "data in " + dbPath);
    }

    /** The file DynamoDB Local keeps every table in (one database, shared by every access key). */
    static final String DATABASE_FILE = "shared-local-instance.db";

    /**
     * Puts the database into SQLite's write-ahead-log mode before DynamoDB Local opens it (the mode is kept in the
     * file; a new file is created in it). With its default rollback journal every write created a journal file,
     * synced it and the database and deleted it again; with the log a write appends to it and syncs it once
     * (synchronous=FULL stays: a committed write survives a crash and a power cut alike). Single process, so the
     * log's shared memory is only ever used by this one.
     */
    static void useWriteAheadLog(Path database) {
        try {
            com.amazonaws.services.dynamodbv2.local.shared.access.sqlite.SQLiteLibraryLoader.initialize();
            com.almworks.sqlite4java.SQLiteConnection connection =
                    new com.almworks.sqlite4java.SQLiteConnection(database.toFile());
            try {
                connection.open(true);
                connection.exec("PRAGMA journal_mode=WAL");
            } finally {
                connection.dispose();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare DynamoDB Local's database " + database + ": "
                    + e.getMessage(), e);
        }
    }

    /** The port it listens on while running, else -1. */
    public synchronized int port() {
        return server == null ? -1 : boundPort;
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            stopQuietly(server, database);
        } finally {
            server = null;
            database = null;
            boundPort = -1;
        }
    }

    /**
     * Stops the server and closes the database: when it returns, SQLite has closed the file (log checkpointed, no
     * lock held), so a restart in this process or another program can open it at once.
     */
    private static void stopQuietly(Server jetty, LocalDynamoDBRequestHandler tables) {
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("stopping embedded DynamoDB Local failed", e);
        }
        try {
            tables.shutdown(); // what the server handler's close does: it has no other handler
        } catch (Exception e) {
            LOG.warn("closing embedded DynamoDB Local's database failed", e);
        }
        awaitDatabaseClosed(tables);
    }

    /** How long stop() waits for SQLite's thread to close the file (a checkpoint of the log on a slow disk). */
    static final java.time.Duration CLOSE_WAIT = java.time.Duration.ofSeconds(30);

    /**
     * DynamoDB Local's close only asks the thread that owns its SQLite connection to stop ({@code SQLiteQueue.stop},
     * no join): the file stays open and locked a while after it returns, and whoever opens it then gets "database is
     * locked". DynamoDB Local offers no way to wait, so this reaches its queues (request handler → clients → SQLite
     * access → queue) and joins each one's thread. Should a later DynamoDB Local lay them out otherwise, it says so
     * and stop() returns as before.
     */
    static void awaitDatabaseClosed(LocalDynamoDBRequestHandler tables) {
        try {
            Object clients = field(tables, "dbRequestHandlers");
            for (Object client : ((java.util.Map<?, ?>) clients).values()) {
                Object access = field(client, "dbAccess");
                Object queue = field(access, "queue");
                if (queue instanceof com.almworks.sqlite4java.SQLiteQueue sqlite) {
                    Thread owner = (Thread) field(sqlite, "myThread");
                    if (owner != null) {
                        owner.join(CLOSE_WAIT.toMillis());
                        if (owner.isAlive()) {
                            LOG.warnf("embedded DynamoDB Local's database is still closing after %s", CLOSE_WAIT);
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("cannot wait for embedded DynamoDB Local's database to close (%s); it may stay locked a moment",
                    e.toString());
        }
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
            try {
                java.lang.reflect.Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(owner);
            } catch (NoSuchFieldException next) {
                // declared higher up
            }
        }
        throw new NoSuchFieldException(owner.getClass().getName() + "." + name);
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }
}
