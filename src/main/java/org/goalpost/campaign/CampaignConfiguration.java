package org.goalpost.campaign;

import java.util.List;
import org.goalpost.shared.money.Currencies;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CampaignConfiguration {

    @Bean
    Currencies currencies(@Value("${goalpost.currencies:}") List<String> codes) {
        return codes.isEmpty() ? Currencies.defaults() : new Currencies(codes);
    }

    @Bean
    CampaignRules campaignRules(Currencies currencies) {
        return new CampaignRules(currencies);
    }
}
