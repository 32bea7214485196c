package dev.mcpoauth.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

/** The SSRF address policy: literals only, so nothing here touches DNS or the network. */
class AddressPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.255.254", "0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255",
            "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "169.254.0.1", "100.64.0.1",
            "100.100.100.200", "192.0.0.192", "192.0.2.1", "198.18.0.1", "198.51.100.7", "203.0.113.9",
            "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
            "::1", "::", "fd00:ec2::254", "fc00::1", "fe80::1", "fec0::1", "ff02::1", "2001:db8::1", "2001::1",
            "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1", "64:ff9b::a9fe:a9fe",
            "64:ff9b::7f00:1", "2002:7f00:1::1", "2002:a00:1::", "100::1"})
    void publicOnlyRefusesEveryInwardAddress(String literal) throws Exception {
        assertThat(AddressPolicy.publicOnly().allows(InetAddress.getByName(literal)))
                .as("%s must never be fetched: it reaches the server itself, its network or its cloud", literal)
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "172.32.0.1", "100.128.0.1", "169.255.0.1",
            "2606:4700:4700::1111", "2a00:1450:4001:81b::200e", "64:ff9b::808:808", "2002:808:808::1"})
    void publicOnlyAllowsPublicUnicast(String literal) throws Exception {
        assertThat(AddressPolicy.publicOnly().allows(InetAddress.getByName(literal))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1"})
    void theTestPolicyAddsOnlyLoopback(String literal) throws Exception {
        assertThat(AddressPolicy.allowingLoopbackForTests().allows(InetAddress.getByName(literal))).isTrue();
        assertThat(AddressPolicy.allowingLoopbackForTests().allows(InetAddress.getByName("10.0.0.1"))).isFalse();
        assertThat(AddressPolicy.allowingLoopbackForTests().allows(InetAddress.getByName("169.254.169.254"))).isFalse();
    }
}
