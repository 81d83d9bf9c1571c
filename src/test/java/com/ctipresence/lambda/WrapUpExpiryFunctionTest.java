package com.ctipresence.lambda;

import com.ctipresence.adapter.in.lambda.SqsBatchResponse;
import com.ctipresence.adapter.in.lambda.SqsEvent;
import com.ctipresence.adapter.in.lambda.WrapUpExpiryFunction;
import com.ctipresence.adapter.messages.WrapUpMessage;
import com.ctipresence.application.port.out.AgentRepository;
import com.ctipresence.domain.AgentPresence;
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
import software.amazon.awssdk.core.exception.SdkClientException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.ctipresence.support.Api.callEvent;
import static com.ctipresence.support.Api.event;
import static com.ctipresence.support.Api.newCallCenter;
import static com.ctipresence.support.Api.setState;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code wrap-up-expiry} function against DynamoDB Local, with SQS faked at the sending port: the SQS wrap-up
 * timer's messages are delivered to the function by the test, at the times SQS would deliver them.
 */
@QuarkusTest
@TestProfile(LambdaTestProfile.class)
class WrapUpExpiryFunctionTest {
    @Inject
    TestClock clock;
    @Inject
    RecordingQueueSender queue;
    @Inject
    WrapUpExpiryFunction function;
    @Inject
    AgentRepository agents;
    @Inject
    ObjectMapper json;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** An agent of a new call center (wrap-up {@code seconds}) whose external call just ended: in wrap-up. */
    private String agentInWrapUp(int seconds, String agentId) {
        String cc = newCallCenter(seconds, true);
        callEvent(cc, agentId, event("e1", "CONNECTED", "c1", false, null)).statusCode(200);
        callEvent(cc, agentId, event("e2", "ENDED", "c1", false, 42)).statusCode(200);
        return cc;
    }

    private WrapUpMessage read(Sent sent) throws Exception {
        return json.readValue(sent.body(), WrapUpMessage.class);
    }

    private SqsBatchResponse deliver(Sent... sent) {
        return function.handleRequest(Sqs.event(sent), FakeContext.withPlentyOfTime());
    }

    private AgentPresence stored(String cc, String agentId) {
        return agents.find(cc, agentId).orElseThrow();
    }

    @Test
    void a999SecondWrapUpTakesTwoHopsAndEndsExactlyAtWrapUpUntil() throws Exception {
        String cc = agentInWrapUp(999, "a1");
        AgentPresence inWrapUp = stored(cc, "a1");
        assertThat(inWrapUp.wrapUpUntil()).isEqualTo(TestClock.FIXED.plusSeconds(999));

        List<Sent> first = queue.take(cc);
        assertThat(first).singleElement().satisfies(s -> {
            assertThat(s.queueUrl()).isEqualTo(LambdaTestProfile.WRAP_UP_QUEUE);
            assertThat(s.delaySeconds()).isEqualTo(900);
        });
        assertThat(read(first.get(0))).isEqualTo(new WrapUpMessage(cc, "a1", inWrapUp.wrapUpId(),
                inWrapUp.wrapUpUntil()));

        clock.advance(Duration.ofSeconds(900)); // SQS delivers after its 900 s maximum: early
        assertThat(deliver(first.get(0)).batchItemFailures()).isEmpty();
        assertThat(stored(cc, "a1").wrapUpId()).as("still in wrap-up").isEqualTo(inWrapUp.wrapUpId());
        assertThat(stored(cc, "a1").version()).isEqualTo(inWrapUp.version());
        List<Sent> second = queue.take(cc);
        assertThat(second).singleElement().satisfies(s -> assertThat(s.delaySeconds()).isEqualTo(99));

        clock.advance(Duration.ofSeconds(99));
        assertThat(deliver(second.get(0)).batchItemFailures()).isEmpty();
        AgentPresence ready = stored(cc, "a1");
        assertThat(ready.state().id()).isEqualTo("ready");
        assertThat(ready.since()).isEqualTo(inWrapUp.wrapUpUntil());
        assertThat(ready.wrapUpId()).isNull();
        assertThat(queue.take(cc)).as("no third hop").isEmpty();
    }

    @Test
    void duplicateLateAndStaleMessagesAreHarmless() throws Exception {
        String cc = agentInWrapUp(30, "a1");
        Sent timer = queue.take(cc).get(0);
        assertThat(timer.delaySeconds()).isEqualTo(30);
        Instant until = read(timer).wrapUpUntil();

        clock.advance(Duration.ofSeconds(500)); // delivered 470 s late
        assertThat(deliver(timer, timer).batchItemFailures()).isEmpty(); // and twice in one batch
        AgentPresence ready = stored(cc, "a1");
        assertThat(ready.state().id()).isEqualTo("ready");
        assertThat(ready.since()).as("stamped at wrapUpUntil however late").isEqualTo(until);
        long version = ready.version();

        assertThat(deliver(timer).batchItemFailures()).as("a third delivery").isEmpty();
        assertThat(stored(cc, "a1").version()).isEqualTo(version);

        // a stale timer: the agent started a new wrap-up, picked a state, and the old message arrives
        callEvent(cc, "a1", event("e3", "CONNECTED", "c2", false, null)).statusCode(200);
        callEvent(cc, "a1", event("e4", "ENDED", "c2", false, 10)).statusCode(200);
        setState(cc, "a1", "away").statusCode(200);
        long afterChoice = stored(cc, "a1").version();
        clock.advance(Duration.ofSeconds(60));
        List<Sent> armed = queue.take(cc);
        assertThat(deliver(armed.toArray(Sent[]::new)).batchItemFailures()).isEmpty();
        assertThat(deliver(timer).batchItemFailures()).isEmpty();
        assertThat(stored(cc, "a1").state().id()).as("the choice stands").isEqualTo("away");
        assertThat(stored(cc, "a1").version()).isEqualTo(afterChoice);
    }

    @Test
    void aFailureIsReportedForItsMessageAloneAndSqsDeliversItAgain() throws Exception {
        String failing = agentInWrapUp(30, "a1");
        String fine = agentInWrapUp(30, "a2");
        Sent failingTimer = queue.take(failing).get(0);
        Sent fineTimer = queue.take(fine).get(0);
        clock.advance(Duration.ofSeconds(31));

        SqsEvent.Message bad = Sqs.message(failingTimer.body());
        SqsEvent.Message good = Sqs.message(fineTimer.body());
        SqsEvent.Message garbage = Sqs.message("{\"callCenterId\":");
        StoreProbe.fail(failing, "GetItem", 1, () -> SdkClientException.create("connection reset"));
        SqsBatchResponse response = function.handleRequest(Sqs.event(List.of(bad, good, garbage)),
                FakeContext.withPlentyOfTime());
        StoreProbe.clearFaults(failing);

        assertThat(response.batchItemFailures()).extracting(SqsBatchResponse.ItemFailure::itemIdentifier)
                .containsExactly(bad.messageId(), garbage.messageId());
        assertThat(stored(fine, "a2").state().id()).isEqualTo("ready");
        assertThat(stored(failing, "a1").state().id()).isEqualTo("dnd");

        assertThat(function.handleRequest(Sqs.event(List.of(bad)), FakeContext.withPlentyOfTime())
                .batchItemFailures()).as("the redelivery").isEmpty();
        assertThat(stored(failing, "a1").state().id()).isEqualTo("ready");
    }
}
