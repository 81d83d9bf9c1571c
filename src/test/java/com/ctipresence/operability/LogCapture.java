package com.ctipresence.operability;

import org.jboss.logmanager.ExtLogRecord;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The formatted messages logged to one category while it is open (at INFO and above, whatever it is set to). */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger;
    private final Level level;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    LogCapture(String category) {
        this.logger = Logger.getLogger(category);
        this.level = logger.getLevel();
        logger.setLevel(Level.INFO);
        logger.addHandler(this);
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void publish(LogRecord record) {
        messages.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(level);
    }
}
