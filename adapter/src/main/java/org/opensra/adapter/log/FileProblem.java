package org.opensra.adapter.log;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;

/**
 * Why a file could not be written, in words for the one-line message and the log (TOL-3): never a Java
 * exception name, which reads like a crash to the user.
 */
public final class FileProblem {
    private FileProblem() {
    }

    public static String describe(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        if (e instanceof InvalidPathException) {
            return "not a valid path (" + ((InvalidPathException) e).getReason() + ")";
        }
        if (e instanceof SecurityException) {
            return "not permitted";
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? "input/output error" : e.getMessage();
    }
}
