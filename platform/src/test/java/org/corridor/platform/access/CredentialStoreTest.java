package org.corridor.platform.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest {

    @TempDir
    Path dir;

    @Test
    void generatesOncePersistsOwnerOnlyAndNeverPrintsAPassword() throws Exception {
        CredentialStore store = CredentialStore.open(dir);
        String router = store.password("router");
        assertThat(router).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(store.password("router")).isEqualTo(router);
        assertThat(store.password("monitor")).isNotEqualTo(router);
        assertThat(Files.getPosixFilePermissions(dir.resolve(CredentialStore.FILE)))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(CredentialStore.open(dir).password("router")).isEqualTo(router);
        assertThat(store.toString()).doesNotContain(router);
    }
}
