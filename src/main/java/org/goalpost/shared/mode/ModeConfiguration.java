package org.goalpost.shared.mode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ModeConfiguration {

    @Bean
    AppMode appMode(@Value("${goalpost.mode:test}") String mode) {
        return AppMode.parse(mode);
    }
}
