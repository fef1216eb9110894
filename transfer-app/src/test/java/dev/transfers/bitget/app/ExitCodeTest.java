package dev.transfers.bitget.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExitCodeTest {
    @Test
    void worstOrdersUnexpectedThenUnknownThenUnreachableThenRejectedThenInvalidThenApplied() {
        assertThat(ExitCode.worst(List.of(ExitCode.APPLIED, ExitCode.INVALID_INPUT))).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(ExitCode.worst(List.of(ExitCode.INVALID_INPUT, ExitCode.REJECTED))).isEqualTo(ExitCode.REJECTED);
        assertThat(ExitCode.worst(List.of(ExitCode.REJECTED, ExitCode.UNREACHABLE))).isEqualTo(ExitCode.UNREACHABLE);
        assertThat(ExitCode.worst(List.of(ExitCode.UNREACHABLE, ExitCode.OUTCOME_UNKNOWN)))
                .isEqualTo(ExitCode.OUTCOME_UNKNOWN);
        assertThat(ExitCode.worst(List.of(ExitCode.OUTCOME_UNKNOWN, ExitCode.UNEXPECTED))).isEqualTo(ExitCode.UNEXPECTED);
        assertThat(ExitCode.worst(List.of())).isEqualTo(ExitCode.APPLIED);
    }

    @Test
    void codesAreTheDocumentedOnes() {
        assertThat(List.of(ExitCode.APPLIED, ExitCode.UNEXPECTED, ExitCode.INVALID_INPUT, ExitCode.REJECTED,
                ExitCode.OUTCOME_UNKNOWN, ExitCode.UNREACHABLE)).extracting(ExitCode::code)
                .containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(ExitCode.helpList()).containsOnlyKeys("0", "1", "2", "3", "4", "5");
    }
}
