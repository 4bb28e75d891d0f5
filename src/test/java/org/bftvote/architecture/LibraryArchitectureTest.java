package org.bftvote.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The library's packages form layers that only point down, and no cycle: {@code org.bftvote} (argument checks and
 * the configuration exception) → {@code vote} → {@code channel} | {@code clock} → {@code agreement} →
 * {@code agreement.memory} (arrow = "may be imported by"; {@code channel} and {@code clock} stand side by side and
 * import none of each other). Production classes only.
 */
@Tag("ARCH-1")
class LibraryArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.bftvote");
    }

    @Test
    void layersOnlyPointDown() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("base").definedBy("org.bftvote")
            .layer("vote").definedBy("org.bftvote.vote..")
            .layer("channel").definedBy("org.bftvote.channel..")
            .layer("clock").definedBy("org.bftvote.clock..")
            .layer("agreement").definedBy("org.bftvote.agreement")
            .layer("memory").definedBy("org.bftvote.agreement.memory..")
            .whereLayer("memory").mayNotBeAccessedByAnyLayer()
            .whereLayer("agreement").mayOnlyBeAccessedByLayers("memory")
            .whereLayer("channel").mayOnlyBeAccessedByLayers("agreement", "memory")
            .whereLayer("clock").mayOnlyBeAccessedByLayers("agreement", "memory")
            .whereLayer("vote").mayOnlyBeAccessedByLayers("channel", "clock", "agreement", "memory")
            .whereLayer("base").mayOnlyBeAccessedByLayers("vote", "channel", "clock", "agreement", "memory")
            .check(classes);
    }

    @Test
    void everyLibraryPackageHasItsPlace() {
        final List<String> placed = List.of("org.bftvote", "org.bftvote.vote", "org.bftvote.channel",
            "org.bftvote.clock", "org.bftvote.agreement", "org.bftvote.agreement.memory");
        classes.stream().map(c -> c.getPackageName()).distinct().forEach(p -> assertTrue(placed.contains(p),
            "package " + p + " has no place in the layer order " + placed));
    }

    @Test
    void packagesHaveNoCycle() {
        slices().matching("org.bftvote.(**)").should().beFreeOfCycles().check(classes);
    }
}
