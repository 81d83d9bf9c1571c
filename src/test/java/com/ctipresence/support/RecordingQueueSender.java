package com.ctipresence.support;

import com.ctipresence.adapter.out.sqs.QueueSender;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * SQS faked at the adapter's sending port (no SQS here): records what the SQS wrap-up timer and tick queue send,
 * so tests can deliver those messages to the queue functions themselves. Replaces the real sender in every test.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class RecordingQueueSender implements QueueSender {
    public record Sent(String queueUrl, String body, int delaySeconds) {
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Sent> log = new CopyOnWriteArrayList<>();

    @Override
    public void send(String queueUrl, String body, int delaySeconds) {
        if (delaySeconds < 0 || delaySeconds > 900) {
            throw new IllegalArgumentException("SQS refuses DelaySeconds " + delaySeconds);
        }
        sent.add(new Sent(queueUrl, body, delaySeconds));
        log.add(sent.get(sent.size() - 1));
    }

    /** How many messages were sent so far (including those taken). */
    public int count() {
        return log.size();
    }

    /** Every message sent since the {@code from}th (see {@link #count}), taken or not. */
    public List<Sent> since(int from) {
        return List.copyOf(log.subList(from, log.size()));
    }

    /** The messages sent so far that match and were not taken, oldest first. */
    public List<Sent> sent(Predicate<Sent> which) {
        return sent.stream().filter(which).toList();
    }

    /** The messages sent that mention {@code marker} (e.g. a test's own call center), removed from the record. */
    public List<Sent> take(String marker) {
        List<Sent> mine = sent(s -> s.body().contains(marker));
        sent.removeAll(mine);
        return mine;
    }
}
