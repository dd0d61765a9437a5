package berth.registry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.registry.spec.ErrorCode;
import berth.registry.spec.RegistryException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RangeTest {
  @ParameterizedTest
  @CsvSource({"bytes=0-9,100,0,9", "bytes=10-,100,10,99", "bytes=-10,100,90,99", "bytes=90-500,100,90,99",
      "bytes=-500,100,0,99", "bytes=0-0,1,0,0"})
  void satisfiable(String header, long size, long first, long last) {
    assertThat(BlobRoutes.range(header, size)).containsExactly(first, last);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bytes=100-", "bytes=5-4", "bytes=-", "items=0-1", "bytes=0-1,3-4", "bytes=a-b", "0-1"})
  void unsatisfiableIsRangeInvalidWithTheHeader(String header) {
    assertThatThrownBy(() -> BlobRoutes.range(header, 100)).isInstanceOf(RegistryException.class)
        .hasMessageContaining(header)
        .satisfies(e -> {
          RegistryException r = (RegistryException) e;
          assertThat(r.code()).isEqualTo(ErrorCode.RANGE_INVALID);
          assertThat(r.status()).isEqualTo(416);
          assertThat(r.headers()).containsEntry("Content-Range", "bytes */100");
        });
  }
}
