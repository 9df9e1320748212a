package org.opensra.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * For each check: a fake SRA with one deliberate fault (test resources fakesra/command.pl, file "faults")
 * and the requirement ID the emulator must report for it.
 */
@Execution(ExecutionMode.CONCURRENT)
class WrongSraTest {

    @ParameterizedTest(name = "{1} is reported for an SRA with fault \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            wrong-root                   | INV-3  | WF-1
            bad-xml                      | INV-3  | WF-2
            extra-element                | INV-3  | WF-1
            error-and-result             | ERR-4  | WF-1
            progress-out-of-range        | INV-4  | WF-1
            slow                         | TOL-1b | WF-1
            unknown-command-ok           | INV-6  | WF-1
            accepts-dtd                  | TOL-2  | WF-1
            malformed-ok                 | TOL-3  | WF-1
            filter-ignored               | CONN-3 | WF-2
            error-without-placeholder    | ERR-2  | WF-3
            blank-english                | LOC-1  | WF-1
            reverse-not-idempotent       | REV-5  | WF-4,WF-6
            restore-not-idempotent       | RES-4  | WF-8
            concurrency-broken           | INV-7  | WF-2
            bad-uuid                     | INFO-1 | WF-1
            cap-inconsistent             | CAP-5  | WF-1
            missing-mandatory            | CAP-3  | WF-1
            bad-exec-location            | CAP-4  | WF-1
            no-locales                   | LOC-3  | WF-1
            long-title                   | CONN-1 | WF-1
            untranslated                 | LOC-2  | WF-1
            no-signature                 | LOG-1  | WF-1
            no-timestamp                 | LOG-2  | WF-1
            unpaired-commence            | LOG-2  | WF-4
            password-in-log              | SEC-1  | WF-2
            username-in-log              | SEC-1  | WF-2
            peer-mismatch                | DA-1   | WF-2
            missing-target               | DD-1   | WF-2
            dup-device                   | DD-8   | WF-2
            group-mismatch               | DD-6   | WF-2
            bad-lun                      | DD-7   | WF-2
            srm-code                     | ERR-1  | WF-3
            undefined-code               | ERR-5  | WF-3
            sync-status-bogus            | SYNC-1 | WF-3
            sync-error                   | SYNC-3 | WF-3
            rs-missing                   | RS-1   | WF-3
            check-no-success             | TF-1   | WF-3
            stale-test-copy              | TF-2   | WF-3
            bogus-success                | TF-4   | WF-3
            second-test-ok               | TF-6   | WF-3
            stop-fails                   | TF-7   | WF-3
            no-snapshot-in-discovery     | TF-8   | WF-3
            drop-item                    | RESP-1 | WF-4
            no-demote                    | DD-4   | WF-4
            prepare-not-idempotent       | PF-2   | WF-4
            no-promote-in-discovery      | DD-3   | WF-4
            no-recovery-point            | RP-3   | WF-4
            no-identity-no-warning       | FO-4   | WF-4
            failover-not-idempotent      | FO-3   | WF-4
            sync-skips-demoted           | SYNC-6 | WF-4
            reverse-noop                 | DD-5   | WF-4,WF-6
            no-sync-from-B               | REV-1  | WF-4,WF-6
            restore-copies-back          | RES-1  | WF-8
            restore-not-writable         | RES-2  | WF-8
            failover-needs-source        | FO-5   | WF-5
            prepare-error-after-disaster | PF-3   | WF-5
            """)
    void reportsTheRightRequirement(String fault, String id, String workflows, @TempDir Path tmp) throws Exception {
        FakeLab lab = new FakeLab(tmp, fault);
        List<String> args = new ArrayList<>(List.of("--workflows", workflows));
        if (fault.equals("slow")) {
            args.addAll(List.of("--timeout", "2"));
        }
        int exit = lab.run(args.toArray(String[]::new));
        assertThat(lab.violations(id)).as("violations of %s; all: %s", id, lab.allViolations()).isNotEmpty();
        assertThat(exit).isEqualTo(1);
    }
}
