package org.opensra.adapter.commands;

import org.opensra.adapter.error.ErrorCatalogue;
import org.opensra.adapter.error.ErrorDefinition;
import org.opensra.adapter.error.ErrorKind;
import org.opensra.adapter.l10n.StringInventory;
import org.opensra.spi.ConnectionSpec;
import org.opensra.spi.DriverDescription;

/**
 * Every stringId a response of the SRA can carry (LOC-2): queryInfo's name and vendor, the driver's
 * array model vendors, custom property labels and connection parameters, and the texts of the
 * published error and warning definitions.
 */
public final class UsedStrings {

    private UsedStrings() {
    }

    public static StringInventory collect(DriverDescription driver, ErrorCatalogue errors) {
        StringInventory inventory = new StringInventory();
        inventory.add(AdapterIdentity.NAME).add(AdapterIdentity.VENDOR);
        for (DriverDescription.ArrayModel model : driver.models()) {
            inventory.add(model.vendor());
        }
        for (DriverDescription.CustomPropertySpec property : driver.customProperties()) {
            inventory.add(property.label());
        }
        for (ConnectionSpec connection : driver.connections()) {
            inventory.add(connection.title()).add(connection.hint());
            for (ConnectionSpec.Parameter p : connection.addresses()) {
                add(inventory, p);
            }
            add(inventory, connection.username());
            add(inventory, connection.password());
            for (ConnectionSpec.Parameter p : connection.opaques()) {
                add(inventory, p);
            }
        }
        for (ErrorKind kind : ErrorKind.values()) {
            for (ErrorDefinition d : errors.published(kind)) {
                inventory.add(d.description()).add(d.fixHint());
            }
        }
        return inventory;
    }

    private static void add(StringInventory inventory, ConnectionSpec.Parameter parameter) {
        if (parameter != null) {
            inventory.add(parameter.title()).add(parameter.hint());
        }
    }
}
