package org.corridor.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyTest {

    @TempDir
    Path tmp;

    @Test
    void directoriesAndFilesAreTheOwnersAlone() throws Exception {
        Path dir = OwnerOnly.directory(tmp.resolve("feeds/unodc"));
        Path file = OwnerOnly.file(dir.resolve("2026-12-01.jsonl"));
        assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void anExistingOpenDirectoryOrFileIsClosedUp() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("data"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path file = Files.createFile(dir.resolve("f"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        Files.writeString(file, "kept");
        OwnerOnly.directory(dir);
        OwnerOnly.file(file);
        assertThat(Files.getPosixFilePermissions(dir)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(file)).isEqualTo("kept");
    }
}
