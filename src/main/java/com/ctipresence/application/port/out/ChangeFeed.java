package com.ctipresence.application.port.out;

import java.util.List;

/**
 * Announces committed presence changes to whoever watches a call center (the live dashboard). The use cases call
 * {@link #publish} only after the store accepted the write, so a failed or refused write announces nothing.
 * Locally an in-process publisher keeps a bounded buffer of recent changes per call center, numbered, so a watcher
 * that reconnects can be sent what it missed.
 */
public interface ChangeFeed {

    /** A committed change; never throws (a feed problem must not fail a write that already happened). */
    void publish(AgentChange change);

    /**
     * Starts watching a call center: every change published from now on goes to {@code listener}, in publication
     * order. {@code resumeAfter} is a position a watcher saw before (null for none): the subscription then carries
     * the buffered changes after it, or says they are no longer all there (the watcher needs a fresh snapshot).
     * Throws {@code UnavailableException} when the feed accepts no watchers now.
     */
    Subscription subscribe(String callCenterId, String resumeAfter, Listener listener);

    /** Who watches: called on the publishing thread, must not block. */
    interface Listener {
        void onChange(SequencedChange change);

        /** The feed ended this subscription (shut down, or cut on purpose). */
        void onClosed();
    }

    /** A change with its position in the call center's feed (opaque text, for Last-Event-ID). */
    record SequencedChange(String position, AgentChange change) {
    }

    interface Subscription extends AutoCloseable {
        /** The position of the feed when the subscription started (a snapshot read afterwards is at least this new). */
        String position();

        /** True when {@code resumeAfter} was given and every change after it is in {@link #missed()}. */
        boolean resumed();

        /** The buffered changes after {@code resumeAfter}, oldest first (empty unless {@link #resumed()}). */
        List<SequencedChange> missed();

        @Override
        void close();
    }

    /** A feed that announces nothing (services wired by hand). */
    ChangeFeed NONE = new ChangeFeed() {
        @Override
        public void publish(AgentChange change) {
        }

        @Override
        public Subscription subscribe(String callCenterId, String resumeAfter, Listener listener) {
            throw new UnsupportedOperationException("no change feed");
        }
    };
}
