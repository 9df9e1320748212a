package org.opensra.array.cli;

import org.opensra.array.security.OwnerOnlyFiles;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;

/** How an admin subcommand reaches a running daemon. */
public final class AdminOptions {
    @Option(names = "--address", required = true,
        description = "management address host:port or https://host:port (TLS); http://host:port for a daemon run --insecure")
    String address;

    @Option(names = "--fingerprint", description = "SHA-256 fingerprint the array's TLS certificate must have"
        + " (as `serve` prints it); else --ca-file, else the system trust store decides")
    String fingerprint;

    @Option(names = "--ca-file", description = "PEM file of the authorities that sign the array's TLS certificate")
    Path caFile;

    @Option(names = "--user", required = true, description = "API user")
    String user;

    @Option(names = "--password-file", required = true, description = "file holding the API password")
    Path passwordFile;

    public ApiClient client() {
        try {
            return new ApiClient(address, user, OwnerOnlyFiles.readPassword(passwordFile), fingerprint, caFile);
        } catch (IOException e) {
            throw new CliException("cannot read password file " + passwordFile + ": " + e.getMessage());
        }
    }
}
