package com.ctipresence.adapter.in.scheduler;

import com.ctipresence.application.port.out.CallCenterRepository;
import com.ctipresence.domain.CallCenterConfig;
import com.ctipresence.domain.Presets;
import com.ctipresence.domain.delivery.DeliveryConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The local delivery sweep reads the outbox only while some call center has a delivery target. */
class DeliveryWorkerTest {
    private static final class Repo implements CallCenterRepository {
        final Map<String, CallCenterConfig> stored = new ConcurrentHashMap<>();
        final AtomicInteger listed = new AtomicInteger();

        public Optional<CallCenterConfig> find(String id) {
            return Optional.ofNullable(stored.get(id));
        }

        public List<CallCenterConfig> findAll() {
            listed.incrementAndGet();
            return List.copyOf(stored.values());
        }

        public void save(CallCenterConfig config) {
            stored.put(config.callCenterId(), config);
        }

        public boolean writtenOnlyHere() {
            return true;
        }
    }

    private static CallCenterConfig plain(String id) {
        return Presets.byName(Presets.STANDARD).orElseThrow().validate(id);
    }

    private static CallCenterConfig delivering(String id) {
        CallCenterConfig c = plain(id);
        return new CallCenterConfig(c.callCenterId(), c.name(), c.timeZone(), c.presenceEnabled(), c.pbxMode(),
                c.callWrapUpSeconds(), c.timeTrackingEnabled(), c.timeTrackingUpdateSeconds(),
                c.omniChannelEnabled(), c.activeCallChangesPresence(), c.states(),
                new DeliveryConfig(new DeliveryConfig.Webhook("https://pbx.example.com/presence",
                        "CTI_SECRET_PBX"), null, null, null), Map.of());
    }

    @Test
    void whileNoCallCenterDeliversTheOutboxIsNeverSweptAndTheListIsReadOnce() {
        Repo repo = new Repo();
        repo.save(plain("a"));
        AtomicInteger sweeps = new AtomicInteger();
        DeliveryWorker worker = new DeliveryWorker(null, sweeps::incrementAndGet, true, () -> true, repo);
        for (int i = 0; i < 10; i++) {
            worker.sweep();
        }
        assertThat(sweeps.get()).as("no Scan of the outbox").isZero();
        assertThat(repo.listed.get()).as("the call centers read once, not every second").isEqualTo(1);

        repo.save(delivering("b")); // an admin configures a PBX webhook here
        worker.callCentersChanged();
        worker.sweep();
        worker.sweep();
        assertThat(sweeps.get()).as("swept from the next second on").isEqualTo(2);
        assertThat(repo.listed.get()).isEqualTo(2);

        repo.save(plain("b")); // and removes it again
        worker.callCentersChanged();
        worker.sweep();
        assertThat(sweeps.get()).isEqualTo(2);
    }

    @Test
    void notWhileTheStoreStartsNorWhenTheWorkerIsOff() {
        Repo repo = new Repo();
        repo.save(delivering("b"));
        AtomicInteger sweeps = new AtomicInteger();
        AtomicBoolean ready = new AtomicBoolean(false);
        DeliveryWorker worker = new DeliveryWorker(null, sweeps::incrementAndGet, true, ready::get, repo);
        worker.sweep();
        assertThat(sweeps.get()).isZero();
        assertThat(repo.listed.get()).as("nothing read before the store is up").isZero();
        ready.set(true);
        worker.sweep();
        assertThat(sweeps.get()).isEqualTo(1);

        DeliveryWorker off = new DeliveryWorker(null, sweeps::incrementAndGet, false, () -> true, repo);
        off.sweep();
        assertThat(sweeps.get()).isEqualTo(1);
    }
}
