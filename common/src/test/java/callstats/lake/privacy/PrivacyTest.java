package callstats.lake.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import callstats.lake.config.ConfigError;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrivacyTest {

  private final KeyedHasher hasher = KeyedHasher.forKey("0123456789abcdef-test");
  private final IpMasker masker = new IpMasker(hasher);

  @Test
  void hashIsKeyedStableAndHidesTheInput() {
    String h = hasher.hash("198.51.100.7");
    assertThat(h).hasSize(32).isEqualTo(hasher.hash("198.51.100.7")).doesNotContain("198");
    assertThat(KeyedHasher.forKey("another-key-of-16+").hash("198.51.100.7")).isNotEqualTo(h);
    assertThat(hasher.toString()).doesNotContain("0123456789abcdef");
  }

  @Test
  void keyComesFromTheEnvironmentAndMustBeLongEnough() {
    assertThatThrownBy(() -> KeyedHasher.fromEnvironment("K", Map.of()))
        .isInstanceOf(ConfigError.class).hasMessageContaining("K").hasMessageContaining("16");
    assertThatThrownBy(() -> KeyedHasher.fromEnvironment("K", Map.of("K", "short")))
        .isInstanceOf(ConfigError.class).hasMessageContaining("at least 16");
    assertThat(KeyedHasher.fromEnvironment("K", Map.of("K", "0123456789abcdef-test")).hash("x"))
        .isEqualTo(hasher.hash("x"));
  }

  @Test
  void masksIpv4AndIpv6LiteralsInText() {
    String sdp = "c=IN IP4 192.168.1.20\r\na=candidate:842163049 1 udp 1677729535 198.51.100.7 52345 typ srflx raddr "
        + "10.0.0.1 rport 9 and 2001:db8::1 and [fe80::1%eth0]";
    String masked = masker.mask(sdp);
    assertThat(masked).doesNotContain("192.168.1.20", "198.51.100.7", "10.0.0.1", "2001:db8::1", "fe80::1")
        .contains("ip:" + hasher.hash("198.51.100.7").substring(0, 12))
        .contains("candidate:842163049 1 udp 1677729535");
  }

  @Test
  void leavesNonAddressesAlone() {
    String text = "{\"ts\":\"12:30:45\",\"mac\":\"aa:bb:cc:dd:ee:ff\",\"v\":1.5,\"n\":3.14159,\"id\":\"abc.def\"}";
    assertThat(masker.mask(text)).isEqualTo(text);
  }

  @Test
  void addressFacts() {
    assertThat(AddressFacts.family("198.51.100.7")).isEqualTo("ipv4");
    assertThat(AddressFacts.family("2001:db8::1")).isEqualTo("ipv6");
    assertThat(AddressFacts.family("4f1d2c3a-1b2c-4d5e-8f90-123456789abc.local")).isEqualTo("mdns");
    assertThat(AddressFacts.isPrivate("10.1.2.3")).isTrue();
    assertThat(AddressFacts.isPrivate("172.16.0.1")).isTrue();
    assertThat(AddressFacts.isPrivate("172.32.0.1")).isFalse();
    assertThat(AddressFacts.isPrivate("192.168.0.1")).isTrue();
    assertThat(AddressFacts.isPrivate("100.64.0.1")).isTrue();
    assertThat(AddressFacts.isPrivate("8.8.8.8")).isFalse();
    assertThat(AddressFacts.isPrivate("fd00::1")).isTrue();
    assertThat(AddressFacts.isPrivate("2001:db8::1")).isFalse();
    assertThat(AddressFacts.isPrivate("x.local")).isNull();
  }
}
