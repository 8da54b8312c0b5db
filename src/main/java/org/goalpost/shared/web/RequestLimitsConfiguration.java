package org.goalpost.shared.web;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Request bodies bounded before any other filter sees them, and JSON bounded before any mapper is built. */
@Configuration(proxyBeanMethods = false)
class RequestLimitsConfiguration {

    /** Runs before any bean is made, so that every Jackson mapper of the app gets the limits. */
    @Bean
    static BeanFactoryPostProcessor jsonLimits() {
        return factory -> RequestBodyLimits.applyJsonLimits();
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimits> requestBodyLimits() {
        FilterRegistrationBean<RequestBodyLimits> registration = new FilterRegistrationBean<>(new RequestBodyLimits());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
