package org.opensra.array.cli;

import org.opensra.array.security.OwnerOnlyFiles;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** How an admin subcommand reaches a running daemon. */
public final class AdminOptions {
    @Option(names = "--address", required = true, description = "management address host:port")
    String address;

    @Option(names = "--user", required = true, description = "API user")
    String user;

    @Option(names = "--password-file", required = true, description = "file holding the API password")
    Path passwordFile;

    public ApiClient client() {
        try {
            return new ApiClient(address, user, OwnerOnlyFiles.readPassword(passwordFile));
        } catch (IOException e) {
            throw new CliException("cannot read password file " + passwordFile + ": " + e.getMessage());
        }
    }
}
