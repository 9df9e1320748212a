package org.opensra.emulator.workflow;

import static org.opensra.emulator.xml.Xml.attr;
import static org.opensra.emulator.xml.Xml.child;
import static org.opensra.emulator.xml.Xml.children;
import static org.opensra.emulator.xml.Xml.path;
import static org.opensra.emulator.xml.Xml.text;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opensra.emulator.check.Completeness;
import org.opensra.emulator.model.ItemForm;
import org.opensra.emulator.model.ItemSet;
import org.opensra.emulator.sra.Invocation;
import org.w3c.dom.Element;

/** The optional query commands: queryDeviceDetails (DET-1) and queryRecoveryPoints (RP-1, RP-2). */
final class DetailChecks {
    private final Context c;

    DetailChecks(Context c) {
        this.c = c;
    }

    /**
     * DET-1: queryDeviceDetails at the protected site for every source device (and one unknown id): each device
     * gets CustomProperties whose names queryCapabilities declares (CAP-6), the unknown id a per-device Error.
     */
    void deviceDetails() {
        if (!c.caps.supports("queryDeviceDetails")) {
            c.v.notRun("DET-1", "queryDeviceDetails not supported");
            return;
        }
        Site p = c.protectedSite;
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        c.repl.allDevices().forEach(d -> ids.add(d.sourceId()));
        ItemSet items = new ItemSet(ItemForm.DEVICES, List.of(), List.copyOf(ids)).plusDevice(Steps.BOGUS_KEY);
        Invocation inv = p.array("queryDeviceDetails", Params.of("queryDeviceDetails", p.arrayId(), null,
                items.xml("    ")));
        c.require("DET-1", inv, "queryDeviceDetails");
        var res = Completeness.check(c.v, inv, items);
        for (var e : res.devices().entrySet()) {
            boolean bogus = e.getKey().equals(Steps.BOGUS_KEY);
            Optional<Element> err = child(e.getValue(), "Error");
            if (bogus) {
                c.v.check("DET-1", err.isPresent(), "queryDeviceDetails for the unknown id " + Steps.BOGUS_KEY
                        + " must be a per-device Error", inv);
                continue;
            }
            if (err.isPresent()) {
                c.v.fail("DET-1", "queryDeviceDetails failed for " + e.getKey() + ": " + Context.describe(err.get()),
                        inv);
                continue;
            }
            List<Element> props = children(path(e.getValue(), "CustomProperties").orElse(null), "CustomProperty");
            c.v.check("DET-1", !props.isEmpty(), "device " + e.getKey() + " has no CustomProperties", inv);
            for (Element prop : props) {
                String name = attr(prop, "name");
                c.v.check("DET-1", name != null && c.declaredProperties.contains(name.trim()), "device " + e.getKey()
                        + " reports CustomProperty " + name + ", which queryCapabilities does not declare "
                        + c.declaredProperties, inv);
            }
        }
    }

    /**
     * RP-1 / RP-2: queryRecoveryPoints at the recovery site; the newest point of each item is remembered, asked for
     * in the next testFailoverStart and must be the one the test copy reports.
     */
    void recoveryPoints() {
        c.requestedPoints.clear();
        if (!c.caps.supports("queryRecoveryPoints")) {
            c.v.notRun("RP-2", "queryRecoveryPoints not supported: testFailoverStart always uses the latest replica");
            return;
        }
        Site r = c.recoverySite;
        ItemSet items = c.repl.targetItems();
        Invocation inv = r.array("queryRecoveryPoints", Params.of("queryRecoveryPoints", r.arrayId(), null,
                items.xml("    ")));
        c.require("RP-1", inv, "queryRecoveryPoints");
        var res = Completeness.check(c.v, inv, items);
        for (var e : res.all().entrySet()) {
            Optional<Element> err = child(e.getValue(), "Error");
            if (err.isPresent()) {
                c.v.fail("RP-1", "queryRecoveryPoints failed for " + e.getKey() + " after a completed sync: "
                        + Context.describe(err.get()), inv);
                continue;
            }
            String newest = null;
            Instant newestTime = null;
            for (Element point : children(path(e.getValue(), "RecoveryPoints").orElse(null), "RecoveryPoint")) {
                Instant t = time(text(point, "Time"));
                c.v.check("RP-1", attr(point, "id") != null && t != null, e.getKey() + ": RecoveryPoint "
                        + attr(point, "id") + " needs an id and an xsd:dateTime Time, got \"" + text(point, "Time")
                        + "\"", inv);
                if (t != null && attr(point, "id") != null && (newestTime == null || t.isAfter(newestTime))) {
                    newest = attr(point, "id");
                    newestTime = t;
                }
            }
            if (c.v.check("RP-1", newest != null, e.getKey() + " has no RecoveryPoint", inv)) {
                c.requestedPoints.put(e.getKey(), newest);
            }
        }
    }

    static Instant time(String xsdDateTime) {
        try {
            return javax.xml.datatype.DatatypeFactory.newInstance().newXMLGregorianCalendar(xsdDateTime.trim())
                    .toGregorianCalendar().toInstant();
        } catch (Exception e) {
            return null;
        }
    }
}
