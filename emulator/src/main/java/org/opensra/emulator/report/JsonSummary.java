package org.opensra.emulator.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.opensra.emulator.check.Requirement;
import org.opensra.emulator.check.Violation;
import org.opensra.emulator.workflow.RunLog;
import org.opensra.emulator.workflow.RunResult;

/** summary.json: verdict, requirement statuses, violations, commands, data figures. */
public final class JsonSummary {
    private JsonSummary() {
    }

    public static void write(RunResult r, Path file) throws IOException {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("passed", r.passed());
        root.put("sra", r.sra());
        root.put("started", r.started().toString());
        root.put("durationMillis", r.duration().toMillis());
        root.put("commands", r.commands().size());
        root.put("violationCount", r.verdicts().violations().size());
        root.put("bytesWritten", r.bytesWritten());
        root.put("bytesReplicated", r.bytesReplicated());
        ObjectNode reqs = root.putObject("requirements");
        for (Requirement q : r.requirements()) {
            reqs.put(q.id(), r.verdicts().status(q.id()).name());
        }
        ObjectNode details = root.putObject("requirementDetails");
        for (Requirement q : r.requirements()) {
            ObjectNode d = details.putObject(q.id());
            d.put("status", r.verdicts().status(q.id()).name());
            ArrayNode tests = d.putArray("provedBy");
            r.verdicts().proofs().testsFor(q.id()).forEach(tests::add);
            String why = r.verdicts().reason(q.id());
            if (why != null) {
                d.put("reason", why);
            }
        }
        ObjectNode pending = root.putObject("notRun");
        r.verdicts().notRunEntries().forEach(pending::put);
        ArrayNode vs = root.putArray("violations");
        for (Violation v : r.verdicts().violations()) {
            ObjectNode o = vs.addObject();
            o.put("requirement", v.requirementId());
            o.put("message", v.message());
            o.put("command", v.command());
            o.put("folder", v.folder() == null ? null : "commands/" + v.folder());
        }
        ArrayNode cs = root.putArray("timeline");
        for (RunLog.Entry e : r.commands()) {
            ObjectNode o = cs.addObject();
            o.put("seq", e.invocation().seq());
            o.put("workflow", e.workflow());
            o.put("site", e.invocation().site());
            o.put("command", e.invocation().command());
            o.put("startMillis", e.invocation().start().toEpochMilli() - r.started().toEpochMilli());
            o.put("durationMillis", e.invocation().durationMillis());
            o.put("outcome", e.outcome());
            o.put("folder", "commands/" + e.invocation().folderName());
        }
        m.writeValue(file.toFile(), root);
    }
}
