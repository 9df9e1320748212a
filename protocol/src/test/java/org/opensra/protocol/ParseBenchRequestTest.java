package org.opensra.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opensra.protocol.params.TestFailoverStartParameters;

class ParseBenchRequestTest {
    @Test
    @DisplayName("TOL-1b the bench's generated testFailoverStart request (keys with blanks) parses completely")
    void benchRequestParses() throws Exception {
        TestFailoverStartParameters p = RequestParser.parse(ParseBench.request(10_000))
                .parameters(TestFailoverStartParameters.class);
        assertThat(p.targetDevices()).hasSize(10_000);
        assertThat(p.targetDevices().get(9_999).key()).isEqualTo("async-LUN 9999");
        assertThat(p.targetDevices().get(9_999).accessGroups()).isEqualTo(List.of("domain-c7"));
        assertThat(p.targetDevices().get(9_999).recoveryPoint()).isEqualTo(Optional.of("rp-9999"));
        assertThat(p.accessGroups()).singleElement().satisfies(g -> assertThat(g.initiators()).hasSize(2));
    }
}
