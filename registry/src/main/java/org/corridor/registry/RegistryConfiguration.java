package org.corridor.registry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** Everything the registry needs, for a host process to {@code @Import}: API, store and settings. */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = RegistryConfiguration.class)
@EnableConfigurationProperties(RegistryProperties.class)
public class RegistryConfiguration {
}
