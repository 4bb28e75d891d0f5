package org.bftvote.sim.hil;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The processes of a rig session: the lanes, started as {@code java ... bftvote-sim lane ...} with the rig's own
 * Java and class path, each lane's output in {@code lanes/lane-<i>[-<n>].log}, stalled and resumed with
 * {@code SIGSTOP}/{@code SIGCONT}, killed with {@code SIGKILL} and restarted; and the relay
 * ({@code bftvote-sim relay ...}, output in {@code lanes/relay.log}), kept as process number n.
 *
 * <p>Never left behind, in three ways: {@link #close()} ends every lane and waits for it; a shutdown hook of the
 * rig's JVM (Ctrl-C, SIGTERM) kills every lane process it started and their descendants; and each lane holds the
 * read end of a pipe from the rig as its standard input and halts when that closes, which the kernel does when the
 * rig dies in any way, even by {@code kill -9}. Every lane's command line carries the session marker
 * {@code -Dbftvote.rig.session=<id>}, so a check can find strays ({@link #strays}).
 */
final class LaneProcesses implements AutoCloseable {
    /** Environment variable whose JVM options (space-separated) are added to every lane's and the relay's. */
    static final String EXTRA_OPTIONS_ENV = "BFTVOTE_LANE_JAVA_OPTS";
    /** System property on every lane's command line naming its session. */
    static final String SESSION_PROPERTY = "bftvote.rig.session";

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final Thread HOOK = new Thread(LaneProcesses::killAll, "rig-lane-cleanup");

    static {
        Runtime.getRuntime().addShutdownHook(HOOK);
    }

    private final List<String> javaPrefix;
    private final Path logDirectory;
    private final Process[] processes;
    private final OutputStream[] stdin;
    private final int[] starts;

    /**
     * @param lanes        n
     * @param javaOptions  JVM options for every lane
     * @param sessionId    the session marker
     * @param logDirectory where lane logs go (created)
     * @throws IOException if the directory cannot be created
     */
    LaneProcesses(final int lanes, final List<String> javaOptions, final String sessionId, final Path logDirectory)
        throws IOException {
        this.javaPrefix = new ArrayList<>();
        javaPrefix.add(ProcessHandle.current().info().command().orElse("java"));
        javaPrefix.addAll(javaOptions);
        final String extra = System.getenv(EXTRA_OPTIONS_ENV);
        if (extra != null && !extra.isBlank()) {
            javaPrefix.addAll(List.of(extra.trim().split("\\s+")));
        }
        javaPrefix.add("-D" + SESSION_PROPERTY + "=" + sessionId);
        javaPrefix.add("-cp");
        javaPrefix.add(classPath());
        javaPrefix.add("org.bftvote.sim.cli.BftvoteSim");
        this.logDirectory = Files.createDirectories(logDirectory);
        this.processes = new Process[lanes + 1];
        this.stdin = new OutputStream[lanes + 1];
        this.starts = new int[lanes + 1];
    }

    /** The class path the rig runs with: Surefire's test class path in tests, the JVM's otherwise. */
    private static String classPath() {
        final String test = System.getProperty("surefire.test.class.path");
        return test != null && !test.isBlank() ? test : System.getProperty("java.class.path");
    }

    /**
     * Starts lane {@code lane} with the {@code lane} command's arguments.
     *
     * @return its log file
     */
    Path start(final int lane, final List<String> laneArguments) throws IOException {
        return start(lane, "lane", laneArguments, starts[lane] == 0 ? "lane-" + lane + ".log"
            : "lane-" + lane + "-" + starts[lane] + ".log");
    }

    /**
     * Starts the relay with the {@code relay} command's arguments (it is process number n).
     *
     * @return its log file
     */
    Path startRelay(final List<String> relayArguments) throws IOException {
        return start(processes.length - 1, "relay", relayArguments, "relay.log");
    }

    /** @return the relay's process number */
    int relay() {
        return processes.length - 1;
    }

    private Path start(final int lane, final String subcommand, final List<String> arguments, final String logName)
        throws IOException {
        final List<String> command = new ArrayList<>(javaPrefix);
        command.add(subcommand);
        command.addAll(arguments);
        command.add("--exit-with-stdin");
        final Path log = logDirectory.resolve(logName);
        Files.writeString(log, String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8);
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        final Process process = builder.start();
        LIVE.add(process);
        processes[lane] = process;
        stdin[lane] = process.getOutputStream();
        starts[lane]++;
        return log;
    }

    /** @return whether the lane's current process is running */
    boolean alive(final int lane) {
        return processes[lane] != null && processes[lane].isAlive();
    }

    /** @return the lane process's id, or -1 */
    long pid(final int lane) {
        return processes[lane] == null ? -1 : processes[lane].pid();
    }

    /** Sends {@code SIGSTOP} (the process stops where it is, its sockets stay open). */
    void stall(final int lane) throws IOException {
        signal(lane, "STOP");
    }

    /** Sends {@code SIGCONT}. */
    void resume(final int lane) throws IOException {
        signal(lane, "CONT");
    }

    /** Sends {@code SIGKILL} and waits for the process to be gone. */
    void kill(final int lane) throws IOException {
        final Process p = processes[lane];
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LIVE.remove(p);
    }

    private void signal(final int lane, final String signal) throws IOException {
        final Process p = processes[lane];
        if (p == null || !p.isAlive()) {
            return;
        }
        final Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid()))
            .redirectErrorStream(true).start();
        try {
            if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IOException("kill -" + signal + " " + p.pid() + " failed");
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling lane " + lane, e);
        }
    }

    /**
     * Waits up to {@code waitMs} for every lane to end by itself, then kills what is left (resuming a stopped one
     * first is not needed: SIGKILL ends a stopped process too).
     */
    void awaitExit(final long waitMs) {
        final long deadline = System.nanoTime() + waitMs * 1_000_000L;
        for (final Process p : processes) {
            if (p == null) {
                continue;
            }
            try {
                p.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** @return exit codes (the lanes', then the relay's), -1 for one still running or never started */
    int[] exitCodes() {
        final int[] codes = new int[processes.length];
        for (int l = 0; l < processes.length; l++) {
            codes[l] = processes[l] == null || processes[l].isAlive() ? -1 : processes[l].exitValue();
        }
        return codes;
    }

    @Override
    public void close() {
        for (final OutputStream s : stdin) {
            try {
                if (s != null) {
                    s.close();
                }
            } catch (final IOException e) {
                // the lane is gone already
            }
        }
        awaitExit(2_000);
        for (final Process p : processes) {
            if (p != null) {
                kill(p);
            }
        }
    }

    private static void kill(final Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LIVE.remove(p);
    }

    private static void killAll() {
        for (final Process p : LIVE) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    /**
     * @param sessionId a session marker
     * @return ids of running processes whose command line carries it (none once a session has ended cleanly)
     */
    static List<Long> strays(final String sessionId) {
        final String marker = "-D" + SESSION_PROPERTY + "=" + sessionId;
        final List<Long> found = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(h -> {
            final Path cmdline = Path.of("/proc", Long.toString(h.pid()), "cmdline");
            try {
                final String text = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8);
                if (text.contains(marker) && h.isAlive()) {
                    found.add(h.pid());
                }
            } catch (final IOException | RuntimeException e) {
                // a process that ended meanwhile, or one we may not read
            }
        });
        return found;
    }
}
