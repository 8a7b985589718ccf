package org.corridor.support.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Directories and files that only their owner may read: the data directory, the feed directories and files. On a
 * file system without POSIX permissions this does what it can (nothing) rather than fail.
 */
public final class OwnerOnly {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Creates the directory and missing parents, and makes the directory itself owner-only. */
    public static Path directory(Path dir) throws IOException {
        Files.createDirectories(dir);
        restrict(dir, DIRECTORY);
        return dir;
    }

    /** Creates the file if missing, and makes it owner-only. */
    public static Path file(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        restrict(file, FILE);
        return file;
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(path).equals(permissions)) {
                Files.setPosixFilePermissions(path, permissions);
            }
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions: nothing to set
        }
    }
}
