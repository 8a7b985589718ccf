package org.corridor.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Fails early, and clearly, when a port the platform needs is taken. */
final class PortCheck {

    private PortCheck() {
    }

    /** @throws IllegalStateException naming the port, what wanted it and the option that changes it */
    static void requireFree(int port, String what, String option) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " (" + what + ") is already in use; stop what uses it or "
                    + "choose another port with " + option + "=<port>");
        }
    }
}
