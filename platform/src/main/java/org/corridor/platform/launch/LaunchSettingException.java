package org.corridor.platform.launch;

/**
 * A setting given to a service that stops the platform from starting: unknown to it, meant for another service, or a
 * value that does not bind to the setting's type. The message names the service, the key and, for a bad value, the
 * value and what it should have been.
 */
public final class LaunchSettingException extends IllegalStateException {

    private final Service service;
    private final String key;

    LaunchSettingException(Service service, String key, String message, Throwable cause) {
        super(service.label() + ": " + message, cause);
        this.service = service;
        this.key = key;
    }

    public Service service() {
        return service;
    }

    /** The key as it was given. */
    public String key() {
        return key;
    }
}
