package org.goalpost.staff;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}: the public JSON API and the staff API with its bearer tokens. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String STAFF_TOKEN = "staffToken";

    @Bean
    OpenAPI goalpostApi() {
        return new OpenAPI()
                .info(new Info().title("Goalpost API").version("1")
                        .description("Public progress and checkout, and the staff API (/api/staff/**: Authorization: Bearer <API token>). "
                                + "Amounts are integers in minor units; errors are application/problem+json."))
                .components(new Components().addSecuritySchemes(STAFF_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer").description("An API token created by an admin under Staff > API tokens (gp_…)")));
    }
}
