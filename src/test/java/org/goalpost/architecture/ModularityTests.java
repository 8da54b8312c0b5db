package org.goalpost.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.goalpost.GoalpostApplication;
import org.goalpost.testing.SlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The modules and the rules between them, verified (ARCHITECTURE.md describes them). */
@SlowTest
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(GoalpostApplication.class);
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.goalpost");

    @Test
    void modulesOnlyUseEachOthersPublishedTypesAndFormNoCycle() {
        modules.verify();
    }

    @Test
    void onlyThePaymentStripeModuleTalksToStripe() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.goalpost.payment.stripe..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.stripe..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void controllersArePackagePrivate() {
        classes()
                .that()
                .areAnnotatedWith(Controller.class)
                .or()
                .areAnnotatedWith(RestController.class)
                .should()
                .notHaveModifier(JavaModifier.PUBLIC)
                .check(classes);
    }

    @Test
    void noFieldParameterOrResultIsAFloatingPointNumber() {
        noFields()
                .should()
                .haveRawType(double.class)
                .orShould()
                .haveRawType(Double.class)
                .orShould()
                .haveRawType(float.class)
                .orShould()
                .haveRawType(Float.class)
                .check(classes);
        noMethods()
                .should()
                .haveRawReturnType(double.class)
                .orShould()
                .haveRawReturnType(Double.class)
                .check(classes);
        noCodeUnits()
                .should()
                .haveRawParameterTypes(DescribedPredicate.describe(
                        "a floating-point parameter",
                        (List<JavaClass> parameters) -> parameters.stream()
                                .anyMatch(type -> type.isEquivalentTo(double.class)
                                        || type.isEquivalentTo(Double.class)
                                        || type.isEquivalentTo(float.class))))
                .check(classes);
    }
}
