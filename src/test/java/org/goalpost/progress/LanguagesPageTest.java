package org.goalpost.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.goalpost.testing.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public pages in English and German: chosen by Accept-Language, overridden by ?lang=; amounts
 * formatted for the language (2,500 $ / 2.500 $), German amounts typed the German way, the donor's
 * language kept for their emails; the widget's iframe and SVG too.
 */
@AppTest
class LanguagesPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCampaignPageSpeaksTheReadersLanguage() throws Exception {
        mvc.perform(get("/campaigns/support").header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE,de;q=0.9,en;q=0.5"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"de\">")))
                .andExpect(content().string(containsString("<strong>895 $</strong> gesammelt")))
                .andExpect(content().string(containsString("2.500 $")))
                .andExpect(content().string(containsString("Einmalig")))
                .andExpect(content().string(containsString("TESTMODUS")))
                .andExpect(content().string(containsString(">Spenden</button>")))
                .andExpect(content().string(not(containsString("2,500 $"))));
        mvc.perform(get("/campaigns/support")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE")
                        .param("lang", "en"))
                .andExpect(content().string(containsString("<html lang=\"en\">")))
                .andExpect(content().string(containsString("<strong>895 $</strong> raised")))
                .andExpect(content().string(containsString("2,500 $")))
                .andExpect(content().string(containsString(">Donate</button>")));
        mvc.perform(get("/campaigns/support").header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR"))
                .andExpect(content().string(containsString("<html lang=\"en\">")));
        mvc.perform(get("/campaigns/no-such-thing").param("lang", "de"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Nicht gefunden")));
    }

    @Test
    void germanAmountsAreReadTheGermanWayAndTheLanguageIsKept() throws Exception {
        mvc.perform(post("/campaigns/support/donate")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("amount=custom&customAmount=1.250,50&interval=once&lang=de&requestKey=lang-de-1"))
                .andExpect(status().isSeeOther());
        assertThat(jdbc.sql("SELECT amount_minor, locale FROM donation WHERE request_key = 'lang-de-1'")
                        .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2))
                        .single())
                .isEqualTo("125050 de-DE");
        mvc.perform(post("/campaigns/support/donate")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("amount=custom&customAmount=1,250.50&interval=once&requestKey=lang-en-1"))
                .andExpect(status().isSeeOther());
        assertThat(jdbc.sql("SELECT amount_minor, locale FROM donation WHERE request_key = 'lang-en-1'")
                        .query((rs, n) -> rs.getLong(1) + " " + rs.getString(2))
                        .single())
                .isEqualTo("125050 en-US");
        mvc.perform(post("/campaigns/support/donate")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("amount=custom&customAmount=zwölf&interval=once&lang=de"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Bitte den Betrag als Zahl schreiben, etwa 25 oder 25,50")));
        mvc.perform(post("/campaigns/support/donate")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("amount=custom&customAmount=0,50&interval=weekly&email=nobody&lang=de"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Bitte spenden Sie zwischen 1 $ und 10.000 $.")))
                .andExpect(content().string(containsString("Bitte wählen Sie einmalig, jeden Monat oder jedes Jahr.")))
                .andExpect(content().string(containsString("Das ist keine E-Mail-Adresse.")));
    }

    @Test
    void theWidgetsIframeAndImageToo() throws Exception {
        mvc.perform(get("/widget/support").param("locale", "de-DE"))
                .andExpect(content().string(containsString("gesammelt")))
                .andExpect(content().string(containsString("?lang=de")))
                .andExpect(content().string(containsString(">Spenden</a>")));
        mvc.perform(get("/widget/support.svg").param("locale", "de-DE"))
                .andExpect(content().string(containsString("</tspan> gesammelt</text>")))
                .andExpect(content().string(containsString("895 $ von 5.000 $ gesammelt")));
        mvc.perform(get("/widget/support.svg").param("locale", "en-US"))
                .andExpect(content().string(containsString("</tspan> raised</text>")));
    }
}
