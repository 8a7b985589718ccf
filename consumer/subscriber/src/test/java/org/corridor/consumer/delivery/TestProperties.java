package org.corridor.consumer.delivery;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@link SubscriberProperties} as Boot binds them: the defaults, with these settings over them. */
final class TestProperties {

    private TestProperties() {
    }

    static SubscriberProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("corridor.subscriber", Bindable.of(SubscriberProperties.class));
    }
}
