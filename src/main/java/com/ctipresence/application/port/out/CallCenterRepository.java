package com.ctipresence.application.port.out;

import com.ctipresence.domain.CallCenterConfig;

import java.util.List;
import java.util.Optional;

/** Where call-center configurations are kept. */
public interface CallCenterRepository {
    Optional<CallCenterConfig> find(String callCenterId);

    List<CallCenterConfig> findAll();

    void save(CallCenterConfig config);

    /**
     * Whether every write of the configurations goes through this process (the local server's embedded store,
     * reachable from this process only): then a configuration cached here can never go stale.
     */
    boolean writtenOnlyHere();
}
