package org.bftvote.sim.campaign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bftvote.sim.results.FaultOutcome;

/**
 * The file a finished run leaves for the aggregate: {@code runs/run-<i>-seed-<seed>/result.txt}, written
 * atomically ({@link AtomicFiles}) after the run's other files, so its presence means the run is complete. It holds
 * every field of {@link CampaignRun}, one {@code key value} line each, numbers as {@link Long#toString(long)} and
 * {@link Double#toString(double)} (which read back to the same bits):
 * <pre>
 * bftvote campaign run 1
 * index 3
 * seed 8817450412417305346
 * agreement_violation_frames 0
 * agreement_violation_frames_within_hypothesis 0
 * validity_violation_frames 0
 * false_exclusions 0
 * hypothesis_exceeded false
 * agreement_lost false
 * signals 2
 * signal 1.0 0.0123 0.05          (availability, RMS error, max error; one line per signal, NaN when unmeasured)
 * signal 1.0 NaN NaN
 * faults 1
 * fault detected 5                (status, latency in frames or -1; one line per scheduled fault)
 * failed_expectations 1
 * failed max_agreement_violation_frames: 3 (expected 0)   (one line per expectation that did not hold)
 * end
 * </pre>
 */
public final class RunResultFile {
    /** The file's name inside the run's directory. */
    public static final String FILE_NAME = "result.txt";
    /** The first line, with the layout's version. */
    static final String HEADER = "bftvote campaign run 1";
    /** The first line after its {@code bftvote} key. */
    private static final String HEADER_VALUE = HEADER.substring("bftvote ".length());

    private RunResultFile() {
    }

    /**
     * Writes a run's result atomically.
     *
     * @param file the file
     * @param run  the run's figures
     * @throws IOException if it cannot be written
     */
    public static void write(final Path file, final CampaignRun run) throws IOException {
        AtomicFiles.writeString(file, text(run));
    }

    /**
     * @param run a run's figures
     * @return the file's text
     */
    static String text(final CampaignRun run) {
        final StringBuilder sb = new StringBuilder(256);
        sb.append(HEADER).append('\n');
        line(sb, "index", run.index());
        line(sb, "seed", run.seed());
        line(sb, "agreement_violation_frames", run.agreementViolationFrames());
        line(sb, "agreement_violation_frames_within_hypothesis", run.agreementViolationsWithinHypothesis());
        line(sb, "validity_violation_frames", run.validityViolationFrames());
        line(sb, "false_exclusions", run.falseExclusions());
        sb.append("hypothesis_exceeded ").append(run.hypothesisExceeded()).append('\n');
        sb.append("agreement_lost ").append(run.agreementLost()).append('\n');
        line(sb, "signals", run.availability().length);
        for (int s = 0; s < run.availability().length; s++) {
            sb.append("signal ").append(run.availability()[s]).append(' ').append(run.errorRms()[s]).append(' ')
                .append(run.errorMax()[s]).append('\n');
        }
        line(sb, "faults", run.faults().size());
        for (final CampaignRun.FaultResult f : run.faults()) {
            sb.append("fault ").append(f.status().name().toLowerCase(Locale.ROOT)).append(' ')
                .append(f.latencyFrames()).append('\n');
        }
        line(sb, "failed_expectations", run.failedExpectations().size());
        for (final String failed : run.failedExpectations()) {
            sb.append("failed ").append(failed.replace('\n', ' ').replace('\r', ' ')).append('\n');
        }
        return sb.append("end\n").toString();
    }

    /**
     * Reads a run's result and checks it belongs where it was found.
     *
     * @param file    the file
     * @param index   the run number it must hold
     * @param seed    the seed it must hold
     * @param signals the number of signals it must hold
     * @param faults  the number of scheduled faults it must hold
     * @return the run's figures
     * @throws NoSuchFileException   if there is no such file (the run has not finished)
     * @throws CampaignFileException if the file is damaged or holds another run
     * @throws IOException           if it cannot be read
     */
    public static CampaignRun read(final Path file, final long index, final long seed, final int signals,
        final int faults) throws IOException {
        final List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (final MalformedInputException e) {
            throw new CampaignFileException(file, 0, "is not UTF-8 text (damaged)");
        }
        final KeyedLines in = new KeyedLines(file, lines);
        if (!HEADER_VALUE.equals(in.text("bftvote"))) {
            throw in.damaged("is not a campaign run result of this version (expected '" + HEADER + "')");
        }
        expect(in, "index", index);
        expect(in, "seed", seed);
        final long agreement = in.number("agreement_violation_frames");
        final long within = in.number("agreement_violation_frames_within_hypothesis");
        final long validity = in.number("validity_violation_frames");
        final long falseExclusions = in.number("false_exclusions");
        final boolean exceeded = in.flag("hypothesis_exceeded");
        final boolean lost = in.flag("agreement_lost");
        expect(in, "signals", signals);
        final double[] availability = new double[signals];
        final double[] rms = new double[signals];
        final double[] max = new double[signals];
        for (int s = 0; s < signals; s++) {
            final String[] parts = in.text("signal").split(" ", -1);
            if (parts.length != 3) {
                throw in.damaged("a signal line holds availability, RMS error and max error");
            }
            availability[s] = in.decimal(parts[0], "availability");
            rms[s] = in.decimal(parts[1], "error_rms");
            max[s] = in.decimal(parts[2], "error_max");
        }
        expect(in, "faults", faults);
        final List<CampaignRun.FaultResult> faultResults = new ArrayList<>();
        for (int f = 0; f < faults; f++) {
            faultResults.add(fault(in));
        }
        final long failedCount = in.number("failed_expectations");
        final List<String> failed = new ArrayList<>();
        for (long i = 0; i < failedCount; i++) {
            failed.add(in.text("failed"));
        }
        in.text("end");
        return new CampaignRun(index, seed, agreement, within, validity, falseExclusions, availability, rms, max,
            faultResults, exceeded, lost, failed);
    }

    private static CampaignRun.FaultResult fault(final KeyedLines in) throws CampaignFileException {
        final String[] parts = in.text("fault").split(" ", -1);
        if (parts.length != 2) {
            throw in.damaged("a fault line holds a status and a latency in frames");
        }
        final FaultOutcome.Status status;
        try {
            status = FaultOutcome.Status.valueOf(parts[0].toUpperCase(Locale.ROOT));
        } catch (final IllegalArgumentException e) {
            throw in.damaged("unknown fault status '" + parts[0] + "' (detected, undetected, not_started, no_unit)");
        }
        try {
            return new CampaignRun.FaultResult(status, Long.parseLong(parts[1]));
        } catch (final NumberFormatException e) {
            throw in.damaged("a fault's latency must be a whole number of frames, found '" + parts[1] + "'");
        }
    }

    private static void expect(final KeyedLines in, final String key, final long value)
        throws CampaignFileException {
        final long found = in.number(key);
        if (found != value) {
            throw in.damaged(key + " is " + found + " but " + value + " was expected here (a file of another run "
                + "or campaign)");
        }
    }

    private static void line(final StringBuilder sb, final String key, final long value) {
        sb.append(key).append(' ').append(value).append('\n');
    }
}
