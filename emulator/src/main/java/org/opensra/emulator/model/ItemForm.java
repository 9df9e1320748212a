package org.opensra.emulator.model;

/** How a command names its groups and devices: source form, target form, or reverse/restore form. */
public enum ItemForm {
    SOURCE("ConsistencyGroups", "ConsistencyGroup", "id", "SourceDevices", "SourceDevice", "id"),
    TARGET("TargetGroups", "TargetGroup", "key", "TargetDevices", "TargetDevice", "key"),
    DEVICES("ConsistencyGroups", "ConsistencyGroup", "id", "Devices", "Device", "id");

    public final String groupContainer;
    public final String group;
    public final String groupAttr;
    public final String deviceContainer;
    public final String device;
    public final String deviceAttr;

    ItemForm(String gc, String g, String ga, String dc, String d, String da) {
        this.groupContainer = gc;
        this.group = g;
        this.groupAttr = ga;
        this.deviceContainer = dc;
        this.device = d;
        this.deviceAttr = da;
    }
}
