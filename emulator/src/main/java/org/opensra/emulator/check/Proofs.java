package org.opensra.emulator.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which wrong SRA proves each check (resource {@code proofs.tsv}: ID, fault, workflows): the fake SRA with that
 * one fault is failed by the emulator with that ID and no other (WrongSraTest runs every line). A check
 * without a proof is reported "unverified", never passed. Also the IDs no black-box run can observe, with
 * the reason (resource {@code not-observable.tsv}).
 */
public final class Proofs {
    /** One wrong SRA: the requirement it breaks, the fault's name in the fake SRA, the workflows that show it. */
    public record Proof(String id, String fault, String workflows) {
        public String test() {
            return "WrongSraTest[" + fault + "]";
        }
    }

    private static final Proofs BUNDLED = new Proofs(read("proofs.tsv"), read("not-observable.tsv"));

    private final List<Proof> proofs = new ArrayList<>();
    private final Map<String, String> notObservable = new LinkedHashMap<>();

    private Proofs(List<String[]> proofLines, List<String[]> notObservableLines) {
        for (String[] l : proofLines) {
            proofs.add(new Proof(l[0], l[1], l.length > 2 ? l[2] : ""));
        }
        for (String[] l : notObservableLines) {
            notObservable.put(l[0], l[1]);
        }
    }

    public static Proofs bundled() {
        return BUNDLED;
    }

    public List<Proof> all() {
        return List.copyOf(proofs);
    }

    /** The tests that prove {@code id}'s check, e.g. "WrongSraTest[no-demote]"; empty when unverified. */
    public List<String> testsFor(String id) {
        List<String> out = new ArrayList<>();
        for (Proof p : proofs) {
            if (p.id().equals(id)) {
                out.add(p.test());
            }
        }
        return out;
    }

    public boolean proven(String id) {
        return !testsFor(id).isEmpty();
    }

    /** Why no black-box run can observe {@code id}; null when it can be observed. */
    public String notObservableReason(String id) {
        return notObservable.get(id);
    }

    public Map<String, String> notObservable() {
        return Map.copyOf(notObservable);
    }

    private static List<String[]> read(String name) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = Proofs.class.getResourceAsStream("/org/opensra/emulator/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the emulator jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split("\t"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
