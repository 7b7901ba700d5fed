package dev.unrolled.benchmarks;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void readsWhatJmhWrites() {
    Object value = Json.parse("[ { \"score\" : 1.5E3, \"scoreError\" : \"NaN\", \"params\" : { \"s\" : \"a\\\"b\\u00e9\" },"
        + " \"raw\" : [ [ -2, 0.5 ] ], \"ok\" : true, \"none\" : null } ]");

    Map<?, ?> item = (Map<?, ?>) ((List<?>) value).get(0);
    assertThat(item.get("score")).isEqualTo(1500.0);
    assertThat(item.get("scoreError")).isEqualTo("NaN");
    assertThat(((Map<?, ?>) item.get("params")).get("s")).isEqualTo("a\"bé");
    assertThat(item.get("raw")).isEqualTo(List.of(List.of(-2.0, 0.5)));
    assertThat(item.get("ok")).isEqualTo(true);
    assertThat(item.containsKey("none")).isTrue();
    assertThat(List.copyOf(item.keySet())).containsExactly("score", "scoreError", "params", "raw", "ok", "none")
        .inOrder();
  }

  @Test
  void rejectsTruncatedInput() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse("[ { \"a\" : 1 "));
    assertThat(e).hasMessageThat().contains("expected '}'");
  }
}
