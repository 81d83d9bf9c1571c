package com.ctipresence.application.delivery;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which URLs the service may call on an admin's behalf, so that the configuration API never becomes a way into the
 * network it runs in: {@code https} only, and never a loopback, private, carrier-grade NAT, link-local (which holds
 * the cloud metadata endpoint 169.254.169.254), unique-local, multicast or unspecified address, unless the host is
 * listed in {@code allowedHosts}. Plain {@code http} is accepted only for a loopback host, and only where
 * {@code allowLoopbackHttp} is set (dev and test, for local fakes).
 * <p>
 * Check a URL twice: when an admin configures it ({@link #problem(String, boolean)} without resolving names, so a
 * name that does not resolve yet can still be configured), and before each request with names resolved, so a name
 * that resolves to a forbidden address (DNS rebinding) is refused at the time it matters.
 */
public final class OutboundUrlPolicy {

    /** Resolves a host name to its addresses (the JDK's resolver in production, a fixed table in tests). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Set<String> METADATA_NAMES = Set.of(
            "metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal");

    private final boolean allowLoopbackHttp;
    private final Set<String> allowedHosts;
    private final Resolver resolver;

    public OutboundUrlPolicy(boolean allowLoopbackHttp, Set<String> allowedHosts, Resolver resolver) {
        this.allowLoopbackHttp = allowLoopbackHttp;
        this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(
                java.util.stream.Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    public static OutboundUrlPolicy strict() {
        return new OutboundUrlPolicy(false, Set.of(), InetAddress::getAllByName);
    }

    /**
     * Why the URL must not be called, or empty when it may be. With {@code resolveNames} false a host name is only
     * checked by its spelling; with true it is resolved and every address must be allowed.
     */
    public Optional<String> problem(String url, boolean resolveNames) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return Optional.of("must be an absolute https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null || host.isEmpty() || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("must be an absolute https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry user info; reference a secret instead");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        String name = bareHost.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        boolean loopbackName = name.equals("localhost") || name.endsWith(".localhost");
        if (allowedHosts.contains(name)) {
            return scheme.equals("https") ? Optional.empty() : Optional.of("must use https");
        }
        if (METADATA_NAMES.contains(name)) {
            return Optional.of("must not point at a cloud metadata service");
        }
        InetAddress[] addresses;
        if (isIpLiteral(bareHost)) {
            try {
                addresses = new InetAddress[] {InetAddress.getByName(bareHost)};
            } catch (UnknownHostException e) {
                return Optional.of("must name a valid host");
            }
        } else if (loopbackName) {
            addresses = new InetAddress[] {InetAddress.getLoopbackAddress()};
        } else if (resolveNames) {
            try {
                addresses = resolver.resolve(bareHost);
            } catch (UnknownHostException e) {
                return Optional.of("host " + bareHost + " does not resolve");
            }
        } else {
            return scheme.equals("https") ? Optional.empty() : Optional.of("must use https");
        }
        boolean allLoopback = true;
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress()) {
                continue;
            }
            allLoopback = false;
            String why = forbidden(address);
            if (why != null) {
                return Optional.of("must not point at " + why + " (" + address.getHostAddress() + ")");
            }
        }
        if (allLoopback) {
            return allowLoopbackHttp ? Optional.empty()
                    : Optional.of("must not point at a loopback address");
        }
        return scheme.equals("https") ? Optional.empty() : Optional.of("must use https");
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    private static String forbidden(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address && isIpv4Mapped(b)) {
            try {
                return forbidden(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
            } catch (UnknownHostException e) {
                return "an invalid address";
            }
        }
        if (address.isAnyLocalAddress()) {
            return "an unspecified address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address (cloud metadata)";
        }
        if (address.isSiteLocalAddress()) {
            return "a private network address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0) {
                return "an unspecified address";
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return "a carrier-grade NAT address";
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return "a benchmarking network address";
            }
            if (first >= 240) {
                return "a reserved address";
            }
        } else if ((b[0] & 0xfe) == 0xfc) {
            return "a unique-local address (private network or cloud metadata)";
        }
        return null;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        if (b.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
