package org.bftvote.sim.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

/**
 * The harness's packages form layers that only point down, and no cycle: {@code yaml} → {@code profile} →
 * {@code scenario} → {@code emulation} → {@code run} → {@code results} → {@code trace} → {@code execution} →
 * {@code campaign} | {@code reliability} | {@code hil} | {@code demo} → {@code cli}; beside them: {@code baseline}
 * beside {@code yaml},
 * {@code recording} beside {@code profile}, {@code revote} beside {@code execution} (arrow = "may be imported by";
 * the four after
 * {@code execution} stand side by side and import none of each other). Production classes only: a test may reach
 * across layers to set up what it checks.
 */
@Tag("ARCH-1")
class HarnessArchitectureTest {
    /** The layers bottom up; the packages of one rank stand side by side. */
    static final List<List<String>> RANKS = List.of(List.of("yaml", "baseline"), List.of("profile", "recording"),
        List.of("scenario"), List.of("emulation"), List.of("run"), List.of("results"), List.of("trace"),
        List.of("execution", "revote"),
        List.of("campaign", "reliability", "hil", "demo"), List.of("cli"));

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.bftvote.sim");
    }

    @Test
    void layersOnlyPointDown() {
        layers().check(classes);
    }

    @Test
    void packagesHaveNoCycle() {
        slices().matching("org.bftvote.sim.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void everyHarnessPackageHasItsPlace() {
        final List<String> placed = new ArrayList<>();
        RANKS.forEach(placed::addAll);
        classes.stream().map(c -> c.getPackageName())
            .filter(p -> p.startsWith("org.bftvote.sim."))
            .map(p -> p.substring("org.bftvote.sim.".length()).split("\\.")[0])
            .distinct()
            .forEach(p -> assertTrue(placed.contains(p),
                "package org.bftvote.sim." + p + " has no place in the layer order " + RANKS));
    }

    /** @return the layer rule: each package may be imported only by the packages of a higher rank */
    static LayeredArchitecture layers() {
        LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (final List<String> rank : RANKS) {
            for (final String p : rank) {
                rule = rule.layer(p).definedBy("org.bftvote.sim." + p + "..");
            }
        }
        for (int r = 0; r < RANKS.size(); r++) {
            final List<String> above = new ArrayList<>();
            for (int h = r + 1; h < RANKS.size(); h++) {
                above.addAll(RANKS.get(h));
            }
            for (final String p : RANKS.get(r)) {
                rule = above.isEmpty() ? rule.whereLayer(p).mayNotBeAccessedByAnyLayer()
                    : rule.whereLayer(p).mayOnlyBeAccessedByLayers(above.toArray(new String[0]));
            }
        }
        return rule;
    }
}
