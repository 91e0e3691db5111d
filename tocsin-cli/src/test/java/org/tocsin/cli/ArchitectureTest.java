package org.tocsin.cli;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The house as docs/architecture.md describes it, checked over the compiled classes of every module the command
 * line is built from (core, store, server, cli): no package depends, through any chain, on a package that depends
 * on it. Orchestrators (email.triage, site.assess, social.coordination) sit above the model, readers and rules they
 * wire together, and the store's sharing packages (stix, stix.pattern, misp) above the store itself.
 */
class ArchitectureTest {
    private static final JavaClasses TOCSIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // the test jars (core's Needs, the store's StixSchemas) are on this classpath too once packaged
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("org.tocsin");

    @Test
    void noPackageCycles() {
        slices().matching("org.tocsin.(**)").should().beFreeOfCycles().check(TOCSIN);
    }

    @Test
    void evidenceKindsStayApart() {
        slices().matching("org.tocsin.(email|site|social)..").should().notDependOnEachOther().check(TOCSIN);
    }
}
