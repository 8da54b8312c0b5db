package org.goalpost.staff;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI documents: the public JSON API at {@code /v3/api-docs/public} (anyone), and the staff
 * API with its bearer tokens at {@code /v3/api-docs/staff} (signed-in staff only: it maps what an
 * attacker would try first); {@code /v3/api-docs}, the whole, is for staff too.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String STAFF_TOKEN = "staffToken";

    @Bean
    GroupedOpenApi publicApiDocument() {
        return GroupedOpenApi.builder()
                .group("public")
                .pathsToMatch("/api/campaigns", "/api/campaigns/**", "/api/ping")
                .build();
    }

    @Bean
    GroupedOpenApi staffApiDocument() {
        return GroupedOpenApi.builder()
                .group("staff")
                .pathsToMatch("/api/staff/**")
                .addOpenApiCustomizer(api -> api.info(new Info()
                                .title("Goalpost staff API")
                                .version("1")
                                .description("The staff API (/api/staff/**: Authorization: Bearer <API "
                                        + "token>). Amounts are integers in "
                                        + "minor units; errors are application/problem+json."))
                        .components(new Components()
                                .addSecuritySchemes(
                                        STAFF_TOKEN,
                                        new SecurityScheme()
                                                .type(SecurityScheme.Type.HTTP)
                                                .scheme("bearer")
                                                .description("An API token created by an admin "
                                                        + "under Staff > API tokens (gp_…)"))))
                .build();
    }

    @Bean
    OpenAPI goalpostApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Goalpost API")
                        .version("1")
                        .description("The public API: campaigns, their progress, and the checkout. Amounts are "
                                + "integers in minor units; errors are "
                                + "application/problem+json."));
    }
}
