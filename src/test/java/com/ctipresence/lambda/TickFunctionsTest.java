package com.ctipresence.lambda;

import com.ctipresence.adapter.in.lambda.SqsBatchResponse;
import com.ctipresence.adapter.in.lambda.TickDispatchFunction;
import com.ctipresence.adapter.in.lambda.TickFunction;
import com.ctipresence.adapter.messages.TickMessage;
import com.ctipresence.application.port.out.AgentRepository;
import com.ctipresence.domain.AgentPresence;
import com.ctipresence.support.Api;
import com.ctipresence.support.RecordingQueueSender;
import com.ctipresence.support.RecordingQueueSender.Sent;
import com.ctipresence.support.StoreProbe;
import com.ctipresence.support.TestClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static com.ctipresence.support.Api.callEvent;
import static com.ctipresence.support.Api.event;
import static com.ctipresence.support.Api.putConfig;
import static com.ctipresence.support.Api.setState;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code tick-dispatch} and {@code tick} functions against DynamoDB Local, with SQS faked at the sending port:
 * dispatched instants per update interval, and a tick that runs out of time continuing in a queued message.
 */
@QuarkusTest
@TestProfile(LambdaTestProfile.class)
class TickFunctionsTest {
    @Inject
    TestClock clock;
    @Inject
    RecordingQueueSender queue;
    @Inject
    TickDispatchFunction dispatch;
    @Inject
    TickFunction tick;
    @Inject
    AgentRepository agents;
    @Inject
    ObjectMapper json;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String callCenter(int updateSeconds, int wrapUpSeconds) {
        String cc = Api.uniqueId("tick");
        putConfig(cc, Api.config(wrapUpSeconds, true).replace("\"timeTrackingUpdateSeconds\":60",
                "\"timeTrackingUpdateSeconds\":" + updateSeconds)).statusCode(200);
        return cc;
    }

    private TickMessage read(Sent sent) {
        try {
            return json.readValue(sent.body(), TickMessage.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDispatcherQueuesEachMultipleOfTheIntervalWithinTheMinuteDelayedToIt() {
        String every5 = callCenter(5, 30);
        String every60 = callCenter(60, 30);
        String every300 = callCenter(300, 30);
        Instant minute = Instant.parse("2026-11-18T11:05:00Z"); // a multiple of 300 s from the epoch
        clock.freezeAt(minute.plusMillis(300)); // the schedule fires a little after the minute

        Map<String, Object> result = dispatch.handleRequest(Map.of("scheduledTime", "2026-11-18T11:05:00Z"),
                FakeContext.withPlentyOfTime());
        assertThat(result.get("minute")).isEqualTo("2026-11-18T11:05:00Z");

        List<Sent> fives = queue.take(every5);
        assertThat(fives).extracting(s -> read(s).tickAt())
                .containsExactlyElementsOf(IntStream.range(0, 12).mapToObj(i -> minute.plusSeconds(5L * i)).toList());
        assertThat(fives).extracting(Sent::delaySeconds)
                .containsExactlyElementsOf(IntStream.range(0, 12).mapToObj(i -> i * 5).toList());
        assertThat(fives).allSatisfy(s -> {
            assertThat(s.queueUrl()).isEqualTo(LambdaTestProfile.TICK_QUEUE);
            assertThat(read(s).continueAfter()).isNull();
        });
        assertThat(queue.take(every60)).extracting(s -> read(s).tickAt()).containsExactly(minute);
        assertThat(queue.take(every300)).extracting(s -> read(s).tickAt()).containsExactly(minute);

        clock.freezeAt(minute.plusSeconds(60));
        dispatch.handleRequest(Map.of("scheduledTime", "2026-11-18T11:06:00Z"), FakeContext.withPlentyOfTime());
        assertThat(queue.take(every5)).hasSize(12);
        assertThat(queue.take(every60)).extracting(s -> read(s).tickAt()).containsExactly(minute.plusSeconds(60));
        assertThat(queue.take(every300)).as("next at 11:10").isEmpty();

        clock.freezeAt(minute.plusSeconds(300));
        dispatch.handleRequest(Map.of("scheduledTime", "2026-11-18T11:10:00Z"), FakeContext.withPlentyOfTime());
        assertThat(queue.take(every300)).extracting(s -> read(s).tickAt()).containsExactly(minute.plusSeconds(300));
        queue.take(every5);

        clock.freezeAt(minute.plusSeconds(377)); // the 11:11 dispatch ran 17 s late: :00 to :15 are past
        dispatch.handleRequest(Map.of("scheduledTime", "2026-11-18T11:11:00Z"), FakeContext.withPlentyOfTime());
        List<Sent> late = queue.take(every5);
        assertThat(late).extracting(s -> read(s).tickAt()).as("the past instants are one tick now")
                .containsExactlyElementsOf(IntStream.range(3, 12).mapToObj(i -> minute.plusSeconds(360 + 5L * i))
                        .toList());
        assertThat(late).extracting(Sent::delaySeconds).containsExactly(0, 3, 8, 13, 18, 23, 28, 33, 38);
    }

    @Test
    void aTickThatRunsOutOfTimeContinuesInAQueuedMessageAndWritesEachAgentOnce() {
        String cc = callCenter(60, 30);
        List<String> ids = List.of("a1", "a2", "a3", "a4", "a5");
        ids.forEach(id -> setState(cc, id, "away").statusCode(200));
        callEvent(cc, "a5", event("e1", "CONNECTED", "c1", false, null)).statusCode(200);
        callEvent(cc, "a5", event("e2", "ENDED", "c1", false, 42)).statusCode(200); // a5 in wrap-up: 30 s
        queue.take(cc); // its wrap-up timer message is lost: the tick must settle it
        clock.advance(Duration.ofSeconds(60));
        Instant now = clock.instant();
        Instant tickAt = now;

        AtomicInteger asked = new AtomicInteger();
        FakeContext runningOut = new FakeContext(UUID.randomUUID().toString(),
                () -> asked.getAndIncrement() == 0 ? 50_000 : 9_000); // after two pages: under the 10 s reserve
        StoreProbe.record(cc);
        SqsBatchResponse first = tick.handleRequest(Sqs.event(List.of(Sqs.message(
                "{\"callCenterId\":\"" + cc + "\",\"tickAt\":\"" + tickAt + "\",\"continueAfter\":null}"))),
                runningOut);
        assertThat(first.batchItemFailures()).isEmpty();
        List<Sent> continuation = queue.take(cc);
        assertThat(continuation).singleElement().satisfies(s -> {
            assertThat(read(s)).isEqualTo(new TickMessage(cc, tickAt, "a4"));
            assertThat(s.delaySeconds()).isZero();
        });
        ids.subList(0, 4).forEach(id -> assertThat(agents.find(cc, id).orElseThrow().accountedUntil())
                .as(id + " ticked").isEqualTo(now));
        assertThat(agents.find(cc, "a5").orElseThrow().accountedUntil()).as("a5 not yet").isBefore(now);

        SqsBatchResponse second = tick.handleRequest(Sqs.event(continuation.toArray(Sent[]::new)),
                FakeContext.withPlentyOfTime());
        assertThat(second.batchItemFailures()).isEmpty();
        assertThat(queue.take(cc)).as("the tick is complete").isEmpty();
        List<String> operations = StoreProbe.recorded(cc);
        assertThat(operations.stream().filter(o -> o.equals("TransactWriteItems") || o.equals("UpdateItem")).count())
                .as("one write per agent over both invocations: " + operations).isEqualTo(5);
        assertThat(operations.stream().filter("TransactWriteItems"::equals).count())
                .as("only a5's overdue wrap-up (with its history entry) needs a transaction").isEqualTo(1);

        AgentPresence a5 = agents.find(cc, "a5").orElseThrow();
        assertThat(a5.accountedUntil()).isEqualTo(now);
        assertThat(a5.state().id()).as("the overdue wrap-up settled by the tick").isEqualTo("ready");
        assertThat(a5.since()).isEqualTo(TestClock.FIXED.plusSeconds(30));
    }
}
