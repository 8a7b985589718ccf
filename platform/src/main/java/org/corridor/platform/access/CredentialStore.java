package org.corridor.platform.access;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * Passwords of the embedded platform's principals, generated on first use (256 random bits) and kept in one
 * properties file that only its owner can read or write. Nothing here logs or prints a password; callers show the
 * file's path. Thread-safe.
 */
public final class CredentialStore {

    public static final String FILE = "credentials.properties";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The web app's people and their passwords, apart from the services' credentials. */
    public static final String PEOPLE_FILE = "people.properties";

    private static final String SERVICES = "Corridor credentials (secret): Kafka SCRAM passwords by principal, the broker's own "
            + "password, the schema registry writer's, HTTP basic passwords (http-operator, http-body-<id>). Owner-only.";
    private static final String PEOPLE = "Corridor web app logins (secret): the password of each demo person, by user name "
            + "(officer-<agency>, analyst-<body>, operator). Owner-only.";

    private final Path file;
    private final String comment;
    private final Properties passwords = new Properties();

    private CredentialStore(Path file, String comment) {
        this.file = file;
        this.comment = comment;
    }

    /** Opens (or starts) the store in the data directory. */
    public static CredentialStore open(Path dataDir) throws IOException {
        return open(dataDir.resolve(FILE), SERVICES);
    }

    /** Opens (or starts) the web app's people's passwords in the data directory ({@value #PEOPLE_FILE}). */
    public static CredentialStore openPeople(Path dataDir) throws IOException {
        return open(dataDir.resolve(PEOPLE_FILE), PEOPLE);
    }

    private static CredentialStore open(Path file, String comment) throws IOException {
        CredentialStore store = new CredentialStore(file, comment);
        if (Files.exists(store.file)) {
            try (Reader in = Files.newBufferedReader(store.file)) {
                store.passwords.load(in);
            }
        }
        return store;
    }

    /** A new random password: 43 URL-safe characters. */
    public static String newPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The principal's password, generated and saved when it has none yet. */
    public synchronized String password(String principal) throws IOException {
        String p = passwords.getProperty(principal);
        if (p == null) {
            p = newPassword();
            passwords.setProperty(principal, p);
            save();
        }
        return p;
    }

    /** The principal's password if it has one; never generates one (for clients of a running platform). */
    public synchronized java.util.Optional<String> existing(String principal) {
        return java.util.Optional.ofNullable(passwords.getProperty(principal));
    }

    public Path file() {
        return file;
    }

    private void save() throws IOException {
        Files.createDirectories(file.getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException exists) {
            // kept as it is
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        try (Writer out = Files.newBufferedWriter(file)) {
            passwords.store(out, comment);
        }
    }

    @Override
    public String toString() {
        return "CredentialStore[" + file + "]";
    }
}
