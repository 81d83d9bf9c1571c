package com.ctipresence.application.port.out;

/** A configured cap (e.g. agents per call center) would be exceeded; nothing was written (answered 409). */
public class LimitReachedException extends RuntimeException {
    public LimitReachedException(String detail) {
        super(detail);
    }
}
