package com.ctipresence.application.service;

import com.ctipresence.application.Body;
import com.ctipresence.application.port.out.CallCenterRepository;
import com.ctipresence.application.security.Access;
import com.ctipresence.domain.CallCenterConfig;
import com.ctipresence.domain.CallCenterConfigDraft;
import com.ctipresence.support.Services;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-process configuration cache: bounded staleness for changes made elsewhere, none for changes made here. */
class ConfigurationCacheTest {
    private static class CountingRepository implements CallCenterRepository {
        final Map<String, CallCenterConfig> stored = new ConcurrentHashMap<>();
        final AtomicInteger reads = new AtomicInteger();

        public Optional<CallCenterConfig> find(String callCenterId) {
            reads.incrementAndGet();
            return Optional.ofNullable(stored.get(callCenterId));
        }

        public List<CallCenterConfig> findAll() {
            return List.copyOf(stored.values());
        }

        public void save(CallCenterConfig config) {
            stored.put(config.callCenterId(), config);
        }

        public boolean writtenOnlyHere() {
            return false; // another instance may write too
        }
    }

    private static CallCenterConfigDraft draft(String name) {
        return new CallCenterConfigDraft(name, "Europe/Berlin", true, null, 0, true, 60, false, false,
                List.of(new CallCenterConfigDraft.StateDraft("ready", "Ready", null, 1)));
    }

    private static CallCenterConfig configure(CallCenterService service, String name) {
        return service.configure(Services.admin("cc"), "cc",
                Body.of(new CallCenterService.ConfigurationInput(null, draft(name))));
    }

    @Test
    void withinTheTtlTheStoreIsNotReadAndAChangeHereIsSeenAtOnce() {
        CountingRepository repo = new CountingRepository();
        CallCenterService service = new CallCenterService(repo, new Access(), () -> Duration.ofHours(1));
        configure(service, "first");
        assertThat(service.get("cc").name()).isEqualTo("first");
        assertThat(repo.reads.get()).as("the PUT here filled the cache").isZero();
        configure(service, "second");
        assertThat(service.get("cc").name()).isEqualTo("second");
        repo.save(draft("made elsewhere").validate("cc")); // another instance's PUT
        assertThat(service.get("cc").name()).as("seen here within the TTL at the latest").isEqualTo("second");
        assertThat(repo.reads.get()).isZero();
    }

    @Test
    void withAZeroTtlEveryUseReadsTheStoreAndAnUnknownCallCenterIsNeverCached() {
        CountingRepository repo = new CountingRepository();
        CallCenterService service = new CallCenterService(repo, new Access(), () -> Duration.ZERO);
        assertThatThrownBy(() -> service.get("cc")).isInstanceOf(com.ctipresence.application.NotFoundException.class);
        repo.save(draft("made elsewhere").validate("cc"));
        assertThat(service.get("cc").name()).isEqualTo("made elsewhere");
        repo.save(draft("changed elsewhere").validate("cc"));
        assertThat(service.get("cc").name()).isEqualTo("changed elsewhere");
        assertThat(repo.reads.get()).isEqualTo(3);
    }

    @Test
    void afterTheTtlAChangeMadeElsewhereIsRead() {
        CountingRepository repo = new CountingRepository();
        CallCenterService service = new CallCenterService(repo, new Access(), () -> Duration.ofNanos(1));
        configure(service, "first");
        repo.save(draft("made elsewhere").validate("cc"));
        long start = System.nanoTime();
        while (System.nanoTime() - start < 1_000) {
            Thread.onSpinWait(); // 1 µs of real time: the TTL is spent
        }
        assertThat(service.get("cc").name()).isEqualTo("made elsewhere");
    }

    @Test
    void overAStoreOnlyThisProcessWritesACachedConfigurationNeverExpires() {
        CountingRepository repo = new CountingRepository() {
            @Override
            public boolean writtenOnlyHere() {
                return true; // the local server's embedded store
            }
        };
        CallCenterService service = new CallCenterService(repo, new Access(), () -> Duration.ofNanos(1));
        repo.save(draft("first").validate("cc"));
        assertThat(service.get("cc").name()).isEqualTo("first");
        long start = System.nanoTime();
        while (System.nanoTime() - start < 1_000) {
            Thread.onSpinWait(); // the TTL is spent: it does not apply
        }
        for (int i = 0; i < 5; i++) {
            assertThat(service.get("cc").name()).isEqualTo("first");
        }
        assertThat(repo.reads.get()).as("read once, then never again").isEqualTo(1);
        configure(service, "second");
        assertThat(service.get("cc").name()).as("a change made here is seen at once").isEqualTo("second");
        assertThat(repo.reads.get()).isEqualTo(1);
    }

    @Test
    void aZeroTtlReadsEveryTimeEvenOverAStoreOnlyThisProcessWrites() {
        CountingRepository repo = new CountingRepository() {
            @Override
            public boolean writtenOnlyHere() {
                return true;
            }
        };
        CallCenterService service = new CallCenterService(repo, new Access(), () -> Duration.ZERO);
        repo.save(draft("first").validate("cc"));
        service.get("cc");
        service.get("cc");
        assertThat(repo.reads.get()).isEqualTo(2);
    }
}
