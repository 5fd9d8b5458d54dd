package org.opencrm.platform.test.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The package shape every service keeps: {@code api} talks to {@code application}, which alone opens transactions
 * and writes the outbox; {@code domain} knows neither, nor HTTP; entities stay inside the use cases; who may call an endpoint is the permission table's to say, not
 * an annotation's. Call {@link #verify(String)} from one test per service; a skeleton service without those packages
 * yet passes.
 */
public final class ServiceArchitecture {

    private static final String ENTITY = "jakarta.persistence.Entity";

    private ServiceArchitecture() {
    }

    public static void verify(String basePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(basePackage);
        domainStaysPure().allowEmptyShould(true).check(classes);
        onlyApplicationWritesTheOutbox().allowEmptyShould(true).check(classes);
        onlyApplicationWritesTheHistory().allowEmptyShould(true).check(classes);
        onlyApplicationOpensTransactions().allowEmptyShould(true).check(classes);
        apiDoesNotUseRepositories().allowEmptyShould(true).check(classes);
        apiKeepsEntitiesOut().allowEmptyShould(true).check(classes);
        useCasesReturnNoEntities().allowEmptyShould(true).check(classes);
        domainSpeaksNoHttp().allowEmptyShould(true).check(classes);
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

    static ArchRule onlyApplicationWritesTheHistory() {
        return noClasses().that().resideOutsideOfPackage("..application..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.opencrm.platform.history.FieldHistory")
            .because("a field's history must be written in the same transaction as the change it records");
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

    static ArchRule apiKeepsEntitiesOut() {
        return noClasses().that().resideInAPackage("..api..")
            .should().dependOnClassesThat().areAnnotatedWith(ENTITY)
            .because("a response built from an entity can touch a lazy association after the transaction ended;"
                    + " the use cases hand out records");
    }

    static ArchRule useCasesReturnNoEntities() {
        return methods().that().areDeclaredInClassesThat().resideInAPackage("..application..")
            .and().arePublic()
            .should(returnNoEntity())
            .because("an entity leaving the transaction drags its persistence context (and lazy proxies) along");
    }

    static ArchRule domainSpeaksNoHttp() {
        return noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..")
            .because("the domain refuses bad input with its own exceptions; the web layer decides the status code");
    }

    /** Also looks inside generic return types, e.g. {@code List<Customer>} or {@code Optional<Customer>}. */
    private static ArchCondition<JavaMethod> returnNoEntity() {
        return new ArchCondition<>("return no @Entity type") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                for (JavaClass type : method.getReturnType().getAllInvolvedRawTypes()) {
                    if (type.isAnnotatedWith(ENTITY)) {
                        events.add(SimpleConditionEvent.violated(method,
                                method.getFullName() + " returns the entity " + type.getName()));
                    }
                }
            }
        };
    }
}
