package com.ctipresence.application.port.out;

import com.ctipresence.domain.CallCenterConfig;

import java.util.List;
import java.util.Optional;

/** Where call-center configurations are kept. */
public interface CallCenterRepository {
    Optional<CallCenterConfig> find(String callCenterId);

    List<CallCenterConfig> findAll();

    void save(CallCenterConfig config);
}
