package org.goalpost;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Goalpost: campaigns with tiered goals, an exact donation ledger, Stripe payments. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GoalpostApplication {

    public static void main(String[] args) {
        SpringApplication.run(GoalpostApplication.class, args);
    }
}
