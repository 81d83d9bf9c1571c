package com.ctipresence.delivery;

import com.ctipresence.adapter.out.metrics.MicrometerPresenceMetrics;
import com.ctipresence.application.Body;
import com.ctipresence.application.delivery.BackOff;
import com.ctipresence.application.port.out.delivery.DeliveryOutcome;
import com.ctipresence.application.port.out.delivery.DeliveryStatus;
import com.ctipresence.application.port.out.delivery.DeliveryTarget;
import com.ctipresence.application.port.out.delivery.TimeRecord;
import com.ctipresence.application.port.out.delivery.TimeRecordSink;
import com.ctipresence.application.service.CallCenterService.ConfigurationInput;
import com.ctipresence.application.service.DeliveryService;
import com.ctipresence.application.service.ProfileService.ProfileInput;
import com.ctipresence.application.service.TickService;
import com.ctipresence.domain.CallCenterConfigDraft;
import com.ctipresence.domain.CallCenterConfigDraft.StateDraft;
import com.ctipresence.domain.PbxMode;
import com.ctipresence.domain.delivery.DeliveryConfig;
import com.ctipresence.domain.delivery.DeliveryDraft;
import com.ctipresence.support.Services;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time-tracking sync (after a tick, absolute day totals upserted, retried without double counting), the
 * delivery metrics per target, and the back-off's jitter bounds.
 */
class TimeSyncAndMetricsTest {
    static final String CC = "sync-cc";
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    DeliveryRig rig;

    /** The Salesforce object as a map of external id → record; answers scripted per request. */
    static final class FakeTimeObject implements TimeRecordSink {
        final Map<String, TimeRecord> stored = new HashMap<>();
        final List<List<TimeRecord>> requests = new ArrayList<>();
        DeliveryOutcome next;

        @Override
        public Map<String, DeliveryOutcome> upsert(DeliveryConfig config, List<TimeRecord> records) {
            requests.add(List.copyOf(records));
            Map<String, DeliveryOutcome> answers = new HashMap<>();
            for (TimeRecord r : records) {
                if (next == null) {
                    stored.put(r.externalId(), r); // an upsert: replaces by external id
                }
                answers.put(r.externalId(), next == null ? new DeliveryOutcome.Delivered() : next);
            }
            next = null;
            return answers;
        }
    }

    @BeforeEach
    void setUp() {
        rig = new DeliveryRig(new MicrometerPresenceMetrics(registry));
        CallCenterConfigDraft draft = new CallCenterConfigDraft("Sync", "Europe/Berlin", true, PbxMode.NOT_SENT, 0,
                true, 60, true, false, List.of(new StateDraft("ready", "Ready", null, 1, "0N5000000000001", null),
                new StateDraft("away", "Away", null, 3, "0N5000000000002", null)),
                new DeliveryDraft(null, null, null, new DeliveryDraft.SalesforceDraft("https://acme.my.salesforce.com",
                        "cti", "CTI_SF_SECRET", null, null, null)));
        rig.callCenters.configure(Services.admin(CC), CC, Body.of(new ConfigurationInput(null, draft)));
        rig.profiles.put(Services.admin(CC), CC, "a1", Body.of(new ProfileInput(null, null, null, null,
                "005000000000001AAA")));
    }

    @AfterEach
    void tearDown() {
        rig.close();
    }

    @Test
    void afterEachTickTheDayTotalsAreUpsertedAsAbsoluteSecondsAndARetryNeverDoubleCounts() {
        FakeTimeObject object = new FakeTimeObject();
        ScriptedSender omni = new ScriptedSender(DeliveryTarget.OMNI_CHANNEL, rig.clock::instant);
        DeliveryService worker = rig.worker(rig.store, List.of(omni), object);
        TickService ticks = rig.ticks(worker);

        rig.setState(CC, "a1", "ready");
        rig.setState(CC, "a2", "away");
        rig.clock.advance(Duration.ofSeconds(60));
        ticks.tick(CC);
        object.next = new DeliveryOutcome.Retry("503 Service Unavailable", null); // the first upsert fails
        worker.drainDue();
        assertThat(object.stored).isEmpty();
        assertThat(rig.store.find(CC, null, DeliveryTarget.SALESFORCE_TIME).orElseThrow().status())
                .isEqualTo(DeliveryStatus.PENDING);

        rig.clock.advance(Duration.ofSeconds(1));
        worker.drainDue(); // the retry
        worker.drainDue(); // nothing more is due
        String day = LocalDate.of(2026, 11, 18).toString();
        TimeRecord ready = object.stored.get(CC + "|" + day + "|a1|ready");
        assertThat(ready.seconds()).isEqualTo(61); // the day so far when it was sent, 11:00:00 to 11:01:01 (absolute)
        assertThat(ready.salesforceUserId()).isEqualTo("005000000000001AAA");
        assertThat(ready.stateLabel()).isEqualTo("Ready");
        assertThat(object.stored.get(CC + "|" + day + "|a2|away").seconds()).isEqualTo(61);
        assertThat(object.stored.get(CC + "|" + day + "|a2|away").salesforceUserId()).isNull();

        rig.clock.advance(Duration.ofSeconds(59));
        ticks.tick(CC);
        worker.drainDue();
        worker.drainDue();
        assertThat(object.stored.get(CC + "|" + day + "|a1|ready").seconds()).isEqualTo(120); // the day so far, not 60 + 120
        assertThat(object.requests).hasSize(3);
        assertThat(rig.store.find(CC, null, DeliveryTarget.SALESFORCE_TIME).orElseThrow().status())
                .isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void sentRetriedFailedAndTheLagAreCountedPerTarget() {
        ScriptedSender omni = new ScriptedSender(DeliveryTarget.OMNI_CHANNEL, rig.clock::instant)
                .then(new DeliveryOutcome.Retry("503", null));
        DeliveryService worker = rig.worker(List.of(omni));
        rig.setState(CC, "a1", "ready");
        worker.drainDue();
        rig.clock.advance(Duration.ofMillis(1_500));
        worker.drainDue();
        rig.setState(CC, "a2", "away"); // a2 has no salesforceUserId: refused without a request
        worker.drainDue();

        assertThat(registry.get("cti.delivery.sent").tag("target", "omniChannel").counter().count()).isEqualTo(1);
        assertThat(registry.get("cti.delivery.lag").tag("target", "omniChannel").timer()
                .totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1_500);
        assertThat(registry.get("cti.delivery.retried").tag("target", "omniChannel").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("cti.delivery.failed").tag("target", "omniChannel").counter().count())
                .isEqualTo(1);
        assertThat(omni.received()).hasSize(2);
        assertThat(omni.received().get(1).delivery().omniChannelStatusId()).isEqualTo("0N5000000000001");
        assertThat(rig.store.find(CC, "a2", DeliveryTarget.OMNI_CHANNEL).orElseThrow().lastError())
                .isEqualTo("agent 'a2' has no salesforceUserId in its profile");
    }

    @Test
    void theBackOffStaysWithinTwentyPercentOfItsDoublingStepAndRetryAfterWins() {
        Random random = new Random(9);
        for (int i = 0; i < 10_000; i++) {
            int attempts = 1 + random.nextInt(15);
            double r = random.nextDouble();
            long base = Math.min(300_000L, 1_000L << (attempts - 1));
            long wait = BackOff.after(attempts, null, r).toMillis();
            assertThat(wait).isBetween(Math.round(base * 0.8), Math.round(base * 1.2));
        }
        assertThat(BackOff.after(3, Duration.ofSeconds(42), 0.99)).isEqualTo(Duration.ofSeconds(42));
        assertThat(BackOff.after(3, Duration.ofDays(2), 0.5)).isEqualTo(Duration.ofHours(1));
    }
}
