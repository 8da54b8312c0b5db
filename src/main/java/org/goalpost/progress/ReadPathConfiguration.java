package org.goalpost.progress;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the read path's filter after the security filters (order -100) and before Spring MVC. */
@Configuration(proxyBeanMethods = false)
class ReadPathConfiguration {

    static final int ORDER = 0;

    @Bean
    FilterRegistrationBean<ReadPathFilter> readPathFilter(
            ProgressCache cache, CachedResponses responses, ReaderSignals signals) {
        FilterRegistrationBean<ReadPathFilter> registration =
                new FilterRegistrationBean<>(new ReadPathFilter(cache, responses, signals));
        registration.addUrlPatterns("/api/campaigns", "/api/campaigns/*", "/widget/*");
        registration.setOrder(ORDER);
        registration.setName("readPathFilter");
        return registration;
    }
}
