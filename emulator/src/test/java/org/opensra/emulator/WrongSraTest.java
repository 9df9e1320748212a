package org.opensra.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opensra.emulator.check.Proofs;

/**
 * Every PASSED is earned: for each line of the emulator's proofs.tsv, the fake SRA (test resources
 * fakesra/command.pl) with that one fault is failed with that requirement ID and no other (workflow IDs WF-n
 * aside, they summarize the workflow's violations). ProofsCompletenessTest checks that no ID lacks a line.
 */
@Execution(ExecutionMode.CONCURRENT)
class WrongSraTest {

    static Stream<Proofs.Proof> proofs() {
        return Proofs.bundled().all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proofs")
    void reportsTheRightRequirementAlone(Proofs.Proof proof, @TempDir Path tmp) throws Exception {
        FakeLab lab = new FakeLab(tmp, proof.fault());
        List<String> args = new ArrayList<>(List.of("--workflows", proof.workflows()));
        if (proof.fault().equals("slow")) {
            args.addAll(List.of("--timeout", "2"));
        }
        int exit = lab.run(args.toArray(String[]::new));
        assertThat(lab.violations(proof.id())).as("violations of %s; all: %s", proof.id(), lab.allViolations())
                .isNotEmpty();
        assertThat(exit).isEqualTo(1);
        if (proof.id().startsWith("WF-")) {
            return; // a workflow ID summarizes the violations found during the workflow
        }
        Set<String> others = new TreeSet<>(lab.violatedIds());
        others.removeIf(id -> id.startsWith("WF-") && !id.equals(proof.id()));
        assertThat(others).as("requirements violated by fault %s; all: %s", proof.fault(), lab.allViolations())
                .containsExactly(proof.id());
    }
}
