package com.ctipresence.adapter.out.sqs;

import com.ctipresence.adapter.messages.WrapUpMessage;
import com.ctipresence.application.port.out.WrapUpTimer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The wrap-up timer on AWS: a {@link WrapUpMessage} on the wrap-up queue, delayed until {@code until} but at most
 * 900 s (SQS's limit). A longer wrap-up (up to 999 s) arrives early; the expiry then says how long remains and the
 * {@code wrap-up-expiry} function sends the rest as a second hop. A message that cannot be sent is logged: the
 * time-tracking tick settles the wrap-up at its next instant, stamped at {@code until}.
 */
@ApplicationScoped
@Typed(SqsWrapUpTimer.class)
public class SqsWrapUpTimer implements WrapUpTimer {
    private static final Logger LOG = Logger.getLogger(SqsWrapUpTimer.class);
    /** The longest delay SQS allows. */
    public static final int MAX_DELAY_SECONDS = 900;

    private final QueueSender sender;
    private final ObjectMapper json;
    private final Clock clock;
    private final QueueConfig config;

    public SqsWrapUpTimer(QueueSender sender, ObjectMapper json, Clock clock, QueueConfig config) {
        this.sender = sender;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    @Override
    public void schedule(String callCenterId, String agentId, String wrapUpId, Instant until) {
        try {
            sender.send(QueueConfig.required(config.wrapUpQueueUrl(), "wrap-up-queue-url"),
                    json.writeValueAsString(new WrapUpMessage(callCenterId, agentId, wrapUpId, until)),
                    delaySeconds(clock.instant(), until));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warnf(e, "wrap-up timer of agent %s in call center %s (wrap-up %s until %s) not sent; the tick "
                    + "settles it", agentId, callCenterId, wrapUpId, until);
        }
    }

    /** Whole seconds from {@code now} until {@code at}, rounded up (never early by a fraction), 0 to 900. */
    public static int delaySeconds(Instant now, Instant at) {
        long millis = Duration.between(now, at).toMillis();
        long seconds = Math.floorDiv(millis + 999, 1000);
        return (int) Math.max(0, Math.min(MAX_DELAY_SECONDS, seconds));
    }
}
