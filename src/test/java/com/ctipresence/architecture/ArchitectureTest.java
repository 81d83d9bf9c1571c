package com.ctipresence.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The hexagon: the domain is plain Java, the application knows no adapter, adapters do not reach into each other.
 * ArchUnit checks byte code: a reference to a compile-time constant (static final primitive or String) of another
 * class is inlined by javac and therefore invisible to these rules.
 */
@AnalyzeClasses(packages = "com.ctipresence", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainDependsOnlyOnTheJdkAndItself = classes()
            .that().resideInAPackage("com.ctipresence.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.ctipresence.domain..")
            .because("the presence rules must stay free of Quarkus, Jakarta, Jackson, MicroProfile and AWS");

    @ArchTest
    static final ArchRule applicationDoesNotDependOnAdapters = noClasses()
            .that().resideInAPackage("com.ctipresence.application..")
            .should().dependOnClassesThat().resideInAPackage("com.ctipresence.adapter..")
            .because("the application reaches the outside only through its ports");

    @ArchTest
    static final ArchRule outboundAdaptersDoNotDependOnInboundAdapters = noClasses()
            .that().resideInAPackage("com.ctipresence.adapter.out..")
            .should().dependOnClassesThat().resideInAPackage("com.ctipresence.adapter.in..");

    @ArchTest
    static final ArchRule inboundAdaptersDoNotDependOnOutboundAdapters = noClasses()
            .that().resideInAPackage("com.ctipresence.adapter.in..")
            .should().dependOnClassesThat().resideInAPackage("com.ctipresence.adapter.out..")
            .because("an inbound adapter drives the application, it does not use a store or timer directly");
}
