package dev.mcpoauth.core;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Which addresses the server may connect to when it fetches a Client ID Metadata Document: the SSRF
 * defence. Anyone can make the server fetch a URL by naming it as {@code client_id}, so the fetch
 * must never reach what only the server can reach: itself, its network, its cloud's metadata service.
 *
 * <p>{@link #publicOnly()}, the only policy production code uses, refuses loopback, private
 * (RFC 1918), carrier-grade NAT, link-local (which holds 169.254.169.254, the metadata address of
 * most clouds), unique-local IPv6 (fd00:ec2::254, AWS's IPv6 metadata address), multicast,
 * unspecified, documentation, benchmarking and reserved ranges, and IPv6 forms that embed an IPv4
 * address (mapped, compatible, NAT64, 6to4) when that address is refused. Tests that fetch from a
 * local server use {@link #allowingLoopbackForTests()}, which nothing outside tests constructs.
 */
@FunctionalInterface
interface AddressPolicy {

    /** Whether the server may connect to {@code address}. */
    boolean allows(InetAddress address);

    /** Public unicast addresses only: the production policy. */
    static AddressPolicy publicOnly() {
        return AddressPolicy::isPublic;
    }

    /** For tests only: the production policy, plus loopback, so that a test server on 127.0.0.1 can serve documents. */
    static AddressPolicy allowingLoopbackForTests() {
        return address -> address.isLoopbackAddress() || isPublic(address);
    }

    /** Whether an address is public unicast, as {@link #publicOnly()} decides. */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            return isPublicV6(b);
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0                                    // "this network"
                || a0 == 10                                 // private
                || a0 == 127                                // loopback
                || a0 == 100 && (a1 & 0xc0) == 64           // carrier-grade NAT 100.64/10 (Alibaba metadata 100.100.100.200)
                || a0 == 169 && a1 == 254                   // link-local, cloud metadata 169.254.169.254
                || a0 == 172 && (a1 & 0xf0) == 16           // private
                || a0 == 192 && a1 == 0 && a2 == 0          // IETF protocol assignments (192.0.0.192 metadata)
                || a0 == 192 && a1 == 0 && a2 == 2          // TEST-NET-1
                || a0 == 192 && a1 == 88 && a2 == 99        // 6to4 relay anycast
                || a0 == 192 && a1 == 168                   // private
                || a0 == 198 && (a1 & 0xfe) == 18           // benchmarking 198.18/15
                || a0 == 198 && a1 == 51 && a2 == 100       // TEST-NET-2
                || a0 == 203 && a1 == 0 && a2 == 113        // TEST-NET-3
                || a0 >= 224);                              // multicast, reserved, broadcast
    }

    private static boolean isPublicV6(byte[] b) {
        int first = (b[0] & 0xff) << 8 | (b[1] & 0xff);
        if ((first & 0xfe00) == 0xfc00                      // unique local fc00::/7, fd00:ec2::254
                || (first & 0xffc0) == 0xfe80               // link-local
                || (first & 0xffc0) == 0xfec0               // site-local (deprecated)
                || first == 0x2001 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8   // documentation 2001:db8::/32
                || first == 0x2001 && b[2] == 0 && b[3] == 0                         // Teredo 2001::/32
                || first == 0x0100 && allZero(b, 2, 8)) {                            // discard-only 100::/64
            return false;
        }
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff   // IPv4-mapped ::ffff:a.b.c.d
                || allZero(b, 0, 12)                                                 // IPv4-compatible ::a.b.c.d, ::, ::1
                || first == 0x0064 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) { // NAT64 64:ff9b::/96 and /48
            return !allZero(b, 12, 16) && embeddedIsPublic(b, 12);
        }
        if (first == 0x2002) {                                                       // 6to4 2002:a.b.c.d::/48
            return embeddedIsPublic(b, 2);
        }
        return (first & 0xe000) == 0x2000;                                           // global unicast 2000::/3 only
    }

    private static boolean embeddedIsPublic(byte[] b, int from) {
        try {
            InetAddress v4 = InetAddress.getByAddress(Arrays.copyOfRange(b, from, from + 4));
            return isPublic(v4);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
