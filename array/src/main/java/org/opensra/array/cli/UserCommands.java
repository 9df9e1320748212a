package org.opensra.array.cli;

import org.opensra.array.Json;
import org.opensra.array.security.OwnerOnlyFiles;
import org.opensra.array.security.PasswordHasher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code user set|list|remove}: the array's accounts (roles admin, sra, peer). */
public final class UserCommands {
    private UserCommands() {
    }

    @Command(name = "user", description = "Accounts of the management API: admin, sra (SRM's adapter), peer (a linked array).",
        subcommands = {Set.class, List.class, Remove.class})
    public static final class UserCmd {
    }

    @Command(name = "set", description = "Create an account, or rotate its password (the old one stops working at once)."
        + " With --generate, a new random password is written to --password-file (mode 0600) first.")
    static final class Set implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Option(names = "--name", required = true, description = "account name")
        String name;

        @Option(names = "--role", required = true, description = "admin, sra or peer")
        String role;

        @Option(names = "--account-password-file", required = true,
            description = "file with the account's password (first line); written when --generate is given")
        Path accountPasswordFile;

        @Option(names = "--generate", description = "make a new random password and write it to --account-password-file")
        boolean generate;

        @Override
        public Integer call() {
            char[] pw;
            try {
                if (generate) {
                    OwnerOnlyFiles.writeString(accountPasswordFile, PasswordHasher.randomPassword() + "\n");
                } else if (!Files.exists(accountPasswordFile)) {
                    throw new CliException(accountPasswordFile + " does not exist (use --generate to make one)");
                }
                pw = OwnerOnlyFiles.readPassword(accountPasswordFile);
            } catch (IOException e) {
                throw new CliException("cannot use password file " + accountPasswordFile + ": " + e.getMessage());
            }
            Output.print(admin.client().post("/api/v1/users", Json.obj("name", name, "role", role, "password", new String(pw))));
            return 0;
        }
    }

    @Command(name = "list", description = "Account names and roles.")
    static final class List implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Override
        public Integer call() {
            Output.print(admin.client().get("/api/v1/users"));
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove an account.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        AdminOptions admin;

        @Option(names = "--name", required = true)
        String name;

        @Override
        public Integer call() {
            Output.print(admin.client().delete("/api/v1/users/" + ApiClient.enc(name)));
            return 0;
        }
    }
}
