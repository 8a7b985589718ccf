package org.corridor.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Authorization headers for the platform's HTTP users in tests: the operator, the metrics user, a body. */
public final class HttpAuth {

    private HttpAuth() {
    }

    /** {@code Basic ...} of an HTTP user of the running platform, such as {@code operator} or {@code body-UNODC}. */
    public static String basic(EmbeddedPlatform platform, String user) throws IOException {
        return "Basic " + Base64.getEncoder().encodeToString(platform.httpCredentials().userInfo(user)
                .getBytes(StandardCharsets.UTF_8));
    }
}
