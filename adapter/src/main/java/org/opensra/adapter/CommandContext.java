package org.opensra.adapter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opensra.adapter.config.AdapterConfig;
import org.opensra.adapter.config.CommandLimits;
import org.opensra.adapter.config.ConfigException;
import org.opensra.adapter.error.ErrorCatalogue;
import org.opensra.adapter.log.SraLog;
import org.opensra.protocol.Connection;
import org.opensra.protocol.Request;
import org.opensra.spi.ArrayDriverFactory;
import org.opensra.spi.ConnectionValues;
import org.opensra.spi.Deadline;

/**
 * What a {@link CommandHandler} works with: the request, the log, progress reporting, the error
 * catalogue, the command's deadline (INV-3), the SRA's configuration and the configured driver. The configuration and the driver are
 * looked up on first use only (queryInfo needs neither).
 */
public final class CommandContext {
    private final Request request;
    private final SraLog log;
    private final Progress progress;
    private final Path installDir;
    private final DriverLocator drivers;
    private final long startNanos;
    private Deadline deadline;
    private CommandLimits limits;
    private AdapterConfig config;
    private ArrayDriverFactory driver;

    /** A context without a deadline (tests of commands that never reach an array). */
    public CommandContext(Request request, SraLog log, Progress progress, Path installDir, DriverLocator drivers) {
        this(request, log, progress, installDir, drivers, 0L);
        this.deadline = Deadline.none();
    }

    /**
     * A context whose deadline is the configured {@code command.deadlineSeconds} counted from
     * {@code startNanos} ({@link System#nanoTime()} when the command started).
     */
    public CommandContext(Request request, SraLog log, Progress progress, Path installDir, DriverLocator drivers,
                          long startNanos) {
        this.startNanos = startNanos;
        this.request = Objects.requireNonNull(request, "request");
        this.log = Objects.requireNonNull(log, "log");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.installDir = Objects.requireNonNull(installDir, "installDir");
        this.drivers = Objects.requireNonNull(drivers, "drivers");
    }

    public Request request() {
        return request;
    }

    public SraLog log() {
        return log;
    }

    public Progress progress() {
        return progress;
    }

    /**
     * The instant by which the command answers SRM ({@code command.deadlineSeconds} of
     * sra/conf/opensra.properties, counted from the command's start); reads the configuration on first use.
     */
    public synchronized Deadline deadline() {
        if (deadline == null) {
            deadline = Deadline.startedAt(startNanos, limits().deadlineSeconds());
        }
        return deadline;
    }

    /**
     * The command limits of the configuration, read on first use; a bad value is logged and its default
     * used, an unreadable configuration means the defaults (the driver lookup reports it as error 1016).
     */
    public synchronized CommandLimits limits() {
        if (limits == null) {
            CommandLimits loaded;
            try {
                loaded = CommandLimits.from(config().properties());
            } catch (SraException e) {
                loaded = CommandLimits.defaults();
            }
            for (String problem : loaded.problems()) {
                log.warning("Configuration: " + problem);
            }
            limits = loaded;
        }
        return limits;
    }

    public ErrorCatalogue errors() {
        return ErrorCatalogue.standard();
    }

    /** {@code <install folder>/conf/opensra.properties}; an unreadable file is error 1016. */
    public synchronized AdapterConfig config() throws SraException {
        if (config == null) {
            try {
                config = AdapterConfig.load(installDir);
            } catch (ConfigException e) {
                log.error("Configuration: " + e.getMessage());
                throw new SraException(errors().error(ErrorCodes.DRIVER_NOT_AVAILABLE, "(configuration)"),
                        e.getMessage(), e);
            }
            log.verbose("Configuration " + config.source().map(Path::toString).orElse("(none, defaults)")
                    + ": driver " + SraLog.quote(config.driverName()) + ", options " + config.driverOptions());
        }
        return config;
    }

    /** The configured driver's factory; error 1016 when it is not installed. */
    public synchronized ArrayDriverFactory driver() throws SraException {
        if (driver == null) {
            driver = drivers.find(config().driverName(), log);
        }
        return driver;
    }

    /** The request's connections as the driver receives them (CONN-2). */
    public List<ConnectionValues> connectionValues() {
        List<ConnectionValues> values = new ArrayList<>(request.connections().size());
        for (Connection c : request.connections()) {
            values.add(toDriver(c));
        }
        return values;
    }

    /** A protocol Connection as the SPI's ConnectionValues. */
    public static ConnectionValues toDriver(Connection c) {
        return new ConnectionValues(c.id(), c.addresses(), c.username(), c.password(), c.opaques());
    }
}
