package org.corridor.platform;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void takenPortIsNamedWithTheOptionThatChangesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> PortCheck.requireFree(port, "agency REST service", "--rest-port"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("port " + port + " (agency REST service) is already in use; stop what uses it or choose "
                            + "another port with --rest-port=<port>");
        }
    }
}
