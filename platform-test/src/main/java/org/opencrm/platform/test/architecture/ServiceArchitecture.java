package org.opencrm.platform.test.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package shape every service keeps: {@code api} talks to {@code application}, which alone opens transactions
 * and writes the outbox; {@code domain} knows neither; who may call an endpoint is the permission table's to say, not
 * an annotation's. Call {@link #verify(String)} from one test per service; a skeleton service without those packages
 * yet passes.
 */
public final class ServiceArchitecture {

    private ServiceArchitecture() {
    }

    public static void verify(String basePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(basePackage);
        domainStaysPure().allowEmptyShould(true).check(classes);
        onlyApplicationWritesTheOutbox().allowEmptyShould(true).check(classes);
        onlyApplicationOpensTransactions().allowEmptyShould(true).check(classes);
        apiDoesNotUseRepositories().allowEmptyShould(true).check(classes);
        accessComesFromThePermissionTable().allowEmptyShould(true).check(classes);
    }

    static ArchRule domainStaysPure() {
        return noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..api..", "..application..", "..events..")
            .because("the domain is what the rest is built on, not the other way round");
    }

    static ArchRule onlyApplicationWritesTheOutbox() {
        return noClasses().that().resideOutsideOfPackage("..application..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.opencrm.platform.outbox.OutboxWriter")
            .because("an event must be written in the same transaction as the state change it describes");
    }

    static ArchRule onlyApplicationOpensTransactions() {
        return noClasses().that().resideOutsideOfPackage("..application..")
            .should().beAnnotatedWith("org.springframework.transaction.annotation.Transactional")
            .orShould().dependOnClassesThat()
            .haveFullyQualifiedName("org.springframework.transaction.annotation.Transactional")
            .because("use cases in the application package are the only transaction boundary");
    }

    static ArchRule accessComesFromThePermissionTable() {
        return noClasses().should().dependOnClassesThat().haveFullyQualifiedName(
                "org.springframework.security.access.prepost.PreAuthorize")
            .orShould().dependOnClassesThat().haveFullyQualifiedName(
                "org.springframework.security.access.annotation.Secured")
            .because("config-repo/permissions.yml is the one place that says who may call an endpoint; the platform's"
                    + " filter chain enforces it");
    }

    static ArchRule apiDoesNotUseRepositories() {
        return noClasses().that().resideInAPackage("..api..")
            .should().dependOnClassesThat().areAssignableTo("org.springframework.data.repository.Repository")
            .because("controllers go through the use cases");
    }
}
