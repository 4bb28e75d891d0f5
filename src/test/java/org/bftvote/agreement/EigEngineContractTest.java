package org.bftvote.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bftvote.testsupport.FaultKind;
import org.bftvote.testsupport.RandomEntryAdversary;
import org.junit.jupiter.api.Test;

/** The engine's contract: what it emits, which entries it refuses, exclusion, determinism. */
class EigEngineContractTest {
    private static final EntrySink COUNT_ONLY = (path, signal, word, status) -> { };

    @Test
    void emitsTheClosedFormNumberOfEntries() {
        // K (n-2)!/(n-1-r)! entries a message: n = 7, K = 3 -> 3, 15, 60.
        final AgreementConfig config = Scenario.omh(7, 2, 3, 2, 0, 0);
        final EigEngine engine = new EigEngine(config, 0);
        final long[] words = new long[3];
        final byte[] status = {EntryStatus.VALUE, EntryStatus.MISSING, EntryStatus.VALUE};
        engine.beginFrame(0, words, status);
        assertEquals(2, engine.emit(1, 1, COUNT_ONLY), "own missing reading is not sent in OMH");
        engine.closeRound(1);
        assertEquals(15, engine.emit(2, 1, COUNT_ONLY), "relays send R_E for what they did not receive");
        engine.closeRound(2);
        assertEquals(60, engine.emit(3, 1, COUNT_ONLY));
        assertEquals(60, engine.maxEntriesPerMessage());
        assertEquals(0, engine.emit(4, 1, COUNT_ONLY));
        assertEquals(0, engine.emit(1, 0, COUNT_ONLY));
        assertEquals(0, engine.emit(1, 7, COUNT_ONLY));
        assertEquals(0, engine.emit(0, 1, COUNT_ONLY), "round 0");
        assertEquals(0, engine.emit(1, -1, COUNT_ONLY), "negative receiver");
    }

    @Test
    void closingARoundOutOfRangeChangesNothing() {
        final EigEngine engine = new EigEngine(Scenario.om(4, 1, 1), 0);
        engine.beginFrame(0, new long[] {1}, new byte[] {EntryStatus.VALUE});
        engine.closeRound(0);
        engine.closeRound(3);
        assertEquals(-1, engine.storedStatus(1, 0), "round 1 still open: lane 1's node empty");
        assertTrue(engine.accept(1, 1, 1, 0, 5, EntryStatus.VALUE), "round 1 still takes entries");
    }

    @Test
    void decidingWithRoundsOpenClosesThemAsMissing() {
        // Two engines with the same entries: one closes its rounds, the other decides straight away.
        for (final AgreementConfig config : new AgreementConfig[] {Scenario.om(4, 1, 1), Scenario.om(7, 2, 1),
            Scenario.omh(5, 1, 1, 1, 0, 1)}) {
            final EigEngine closed = new EigEngine(config, 0);
            final EigEngine open = new EigEngine(config, 0);
            for (final EigEngine engine : new EigEngine[] {closed, open}) {
                engine.beginFrame(0, new long[] {9}, new byte[] {EntryStatus.VALUE});
                assertTrue(engine.accept(1, 1, 1, 0, 5, EntryStatus.VALUE));
            }
            for (int round = 1; round <= config.rounds(); round++) {
                closed.closeRound(round);
            }
            closed.decide();
            open.decide();
            for (int source = 0; source < config.lanes(); source++) {
                assertEquals(closed.decidedStatus(source, 0), open.decidedStatus(source, 0), config + " " + source);
                assertEquals(closed.decidedWord(source, 0), open.decidedWord(source, 0), config + " " + source);
            }
            assertEquals(EntryStatus.VALUE, open.decidedStatus(0, 0), "its own reading");
            assertTrue(open.decidedStatus(2, 0) != EntryStatus.VALUE, "a source never heard is not a value");
            assertFalse(open.accept(1, 2, 2, 0, 5, EntryStatus.VALUE), "every round is closed after deciding");
        }
    }

    @Test
    void emitsExactlyTheNodesOfTheEmitRuleInTreeOrder() {
        // Every node σ·self, σ of length round - 1 avoiding self and receiver, in increasing σ, each with K signals.
        final AgreementConfig config = Scenario.om(7, 2, 2);
        final EigPaths paths = new EigPaths(7, 2);
        final int[] sent = new int[200];
        final int[] count = new int[1];
        final EntrySink record = (path, signal, word, status) -> sent[count[0]++] = path * 2 + signal;
        for (int self = 0; self < 7; self++) {
            final EigEngine engine = new EigEngine(config, self);
            engine.beginFrame(0, new long[2], new byte[] {EntryStatus.VALUE, EntryStatus.VALUE});
            for (int round = 1; round <= 3; round++) {
                for (int receiver = 0; receiver < 7; receiver++) {
                    count[0] = 0;
                    engine.emit(round, receiver, record);
                    int expected = 0;
                    if (receiver != self) {
                        final long skip = (1L << self) | (1L << receiver);
                        final int from = round == 1 ? self : paths.levelStart(round - 1);
                        final int to = round == 1 ? self + 1 : paths.levelEnd(round - 1);
                        for (int sigma = from; sigma < to; sigma++) {
                            if (round > 1 && (paths.laneMask(sigma) & skip) != 0) {
                                continue;
                            }
                            final int node = round == 1 ? self : paths.child(sigma, self);
                            for (int signal = 0; signal < 2; signal++) {
                                assertEquals(node * 2 + signal, sent[expected++],
                                    "self " + self + ", round " + round + ", receiver " + receiver);
                            }
                        }
                    }
                    assertEquals(expected, count[0],
                        "self " + self + ", round " + round + ", receiver " + receiver);
                }
                engine.closeRound(round);
            }
        }
    }

    @Test
    void receivesExactlyThePathsOfTheRoundEndingAtTheSenderAndAvoidingItself() {
        final EigPaths paths = new EigPaths(7, 2);
        for (int self = 0; self < 7; self++) {
            final EigEngine engine = new EigEngine(Scenario.om(7, 2, 1), self);
            for (int round = 0; round <= 4; round++) {
                for (int sender = -1; sender <= 7; sender++) {
                    for (int node = -1; node <= paths.count(); node++) {
                        final boolean expected = node >= 0 && node < paths.count() && sender >= 0 && sender < 7
                            && paths.length(node) == round && paths.last(node) == sender
                            && !paths.contains(node, self);
                        assertEquals(expected, engine.receives(round, sender, node),
                            "self " + self + ", round " + round + ", sender " + sender + ", node " + node);
                    }
                }
            }
        }
    }

    @Test
    void relaysErrorTokenWithTheDepthInHybridAndTheDefaultTokenInOm() {
        for (final boolean hybrid : new boolean[] {true, false}) {
            final AgreementConfig config = hybrid ? Scenario.omh(4, 1, 1, 1, 0, 0) : Scenario.om(4, 1, 1);
            final EigEngine engine = new EigEngine(config, 0);
            engine.beginFrame(0, new long[1], new byte[] {EntryStatus.MISSING});
            final int[] sent = new int[1];
            engine.emit(1, 1, (path, signal, word, status) -> sent[0]++);
            assertEquals(hybrid ? 0 : 1, sent[0]);
            engine.closeRound(1);
            engine.emit(2, 1, (path, signal, word, status) -> {
                assertEquals(EntryStatus.RELAYED_ERROR, status);
                assertEquals(hybrid ? 1 : 0, word);
            });
        }
    }

    @Test
    void refusesImpossibleEntries() {
        final AgreementConfig config = Scenario.omh(4, 1, 2, 1, 0, 0);
        final EigEngine engine = new EigEngine(config, 0);
        final EigPaths paths = engine.paths();
        engine.beginFrame(0, new long[2], new byte[2]);
        assertTrue(engine.accept(1, 1, 1, 0, 5, EntryStatus.VALUE));
        assertFalse(engine.accept(1, 1, 1, 0, 5, EntryStatus.VALUE), "duplicate");
        assertFalse(engine.accept(1, 2, 1, 1, 5, EntryStatus.VALUE), "last lane != sender");
        assertFalse(engine.accept(1, 0, 0, 0, 5, EntryStatus.VALUE), "from itself");
        assertFalse(engine.accept(1, 1, 1, 2, 5, EntryStatus.VALUE), "signal out of range");
        assertFalse(engine.accept(1, 1, 1, -1, 5, EntryStatus.VALUE), "negative signal");
        assertFalse(engine.accept(1, 9, 1, 1, 5, EntryStatus.VALUE), "sender out of range");
        assertFalse(engine.accept(1, 1, 99, 1, 5, EntryStatus.VALUE), "path out of range");
        assertFalse(engine.accept(1, -1, 1, 0, 5, EntryStatus.VALUE), "negative sender");
        assertFalse(engine.accept(1, 1, -1, 0, 5, EntryStatus.VALUE), "negative path");
        assertFalse(engine.accept(3, 1, 1, 0, 5, EntryStatus.VALUE), "round past m + 1");
        assertFalse(engine.accept(1, 2, 2, 0, 5, EntryStatus.MISSING), "MISSING is not a wire status");
        assertFalse(engine.accept(1, 2, 2, 0, 5, EntryStatus.DEFAULT), "DEFAULT is not a wire status");
        assertFalse(engine.accept(1, 2, 2, 0, 1, EntryStatus.RELAYED_ERROR), "no token in round 1");
        assertFalse(engine.accept(1, 2, 5, 0, 5, EntryStatus.VALUE), "round 1 path of another sender");
        assertFalse(engine.accept(1, 2, paths.child(1, 2), 0, 5, EntryStatus.VALUE), "path length != round");
        engine.closeRound(1);
        assertFalse(engine.accept(1, 3, 3, 0, 5, EntryStatus.VALUE), "round closed");
        assertEquals(EntryStatus.MISSING, engine.storedStatus(3, 0));
        assertFalse(engine.accept(2, 2, paths.child(0, 2), 0, 5, EntryStatus.VALUE), "path holds the receiver");
        assertFalse(engine.accept(2, 2, paths.child(1, 2), 0, 2, EntryStatus.RELAYED_ERROR), "depth too deep");
        assertFalse(engine.accept(2, 2, paths.child(1, 2), 0, 0, EntryStatus.RELAYED_ERROR), "depth 0");
        assertTrue(engine.accept(2, 2, paths.child(1, 2), 0, 1, EntryStatus.RELAYED_ERROR));
        assertFalse(engine.accept(2, 2, paths.child(1, 2), 1, 5, (byte) 9), "unknown status");
        assertTrue(engine.accept(2, 2, paths.child(1, 2), 1, 5, EntryStatus.VALUE));
    }

    @Test
    void emitsNothingForAReceiverJustOutOfRange() {
        // Lane n would index the emit table of the next round's receiver 0 (a lane other than this one).
        final EigEngine engine = new EigEngine(Scenario.om(4, 1, 1), 1);
        engine.beginFrame(0, new long[1], new byte[1]);
        assertEquals(1, engine.emit(1, 0, COUNT_ONLY), "receiver 0 gets this lane's reading");
        assertEquals(0, engine.emit(1, 4, COUNT_ONLY), "receiver n, round 1");
        engine.closeRound(1);
        assertEquals(0, engine.emit(2, 4, COUNT_ONLY), "receiver n, last round");
    }

    @Test
    void refusesSendersAndPathsJustOutOfRange() {
        final EigEngine engine = new EigEngine(Scenario.om(4, 1, 1), 0);
        engine.excludeLane(1);
        engine.beginFrame(0, new long[1], new byte[1]);
        assertFalse(engine.accept(1, 4, 3, 0, 5, EntryStatus.VALUE), "sender = n");
        assertFalse(engine.accept(1, 64, 3, 0, 5, EntryStatus.VALUE), "sender 64 reads lane 0's exclusion bit");
        assertFalse(engine.accept(1, 3, engine.paths().count(), 0, 5, EntryStatus.VALUE), "path = node count");
        assertTrue(engine.accept(1, 3, 3, 0, 5, EntryStatus.VALUE), "the same entry from its own sender");
    }

    @Test
    void omTakesOnlyTheDefaultTokenAsAnError() {
        final EigEngine engine = new EigEngine(Scenario.om(4, 1, 2), 0);
        final int relayed = engine.paths().child(1, 2);
        engine.beginFrame(0, new long[2], new byte[2]);
        engine.closeRound(1);
        assertFalse(engine.accept(2, 2, relayed, 0, 1, EntryStatus.RELAYED_ERROR), "a depth is not an OM token");
        assertTrue(engine.accept(2, 2, relayed, 0, 0, EntryStatus.RELAYED_ERROR), "the default token");
        assertEquals(EntryStatus.RELAYED_ERROR, engine.storedStatus(relayed, 0));
    }

    @Test
    void the1988VariantTakesNoErrorTokenAtAll() {
        final EigEngine engine = new EigEngine(Scenario.omh(4, 1, 1, 1, 0, 0), 0, EigEngine.Variant.ORIGINAL_1988);
        final int relayed = engine.paths().child(1, 2);
        engine.beginFrame(0, new long[1], new byte[1]);
        engine.closeRound(1);
        assertFalse(engine.accept(2, 2, relayed, 0, 1, EntryStatus.RELAYED_ERROR), "a relay holding E sends nothing");
        assertTrue(engine.accept(2, 2, relayed, 0, 5, EntryStatus.VALUE));
    }

    @Test
    void omKeepsNothingARelaySentAboutAnExcludedLane() {
        final EigEngine engine = new EigEngine(Scenario.om(4, 1, 1), 0);
        final int throughExcluded = engine.paths().child(2, 1);
        engine.excludeLane(2);
        engine.beginFrame(0, new long[1], new byte[1]);
        engine.closeRound(1);
        assertTrue(engine.accept(2, 1, throughExcluded, 0, 7, EntryStatus.VALUE), "the relay itself is not excluded");
        assertEquals(7, engine.storedWord(throughExcluded, 0));
        engine.closeRound(2);
        assertEquals(EntryStatus.MISSING, engine.storedStatus(throughExcluded, 0));
        assertEquals(0, engine.storedWord(throughExcluded, 0), "the relayed word is dropped, not kept");
    }

    @Test
    void withoutFaultsEveryLaneDecidesEveryReading() {
        final AgreementConfig config = Scenario.omh(5, 1, 3, 1, 0, 1);
        final Scenario scenario = new Scenario(config, new RandomEntryAdversary(new java.util.SplittableRandom(1), 3));
        for (int lane = 0; lane < 5; lane++) {
            for (int signal = 0; signal < 3; signal++) {
                scenario.inputs[lane][signal] = lane * 100L + signal;
            }
        }
        scenario.inputStatus[2][1] = EntryStatus.MISSING;
        scenario.sim.runFrame(0, scenario.inputs, scenario.inputStatus);
        for (final EigEngine engine : scenario.engines) {
            for (int source = 0; source < 5; source++) {
                for (int signal = 0; signal < 3; signal++) {
                    if (source == 2 && signal == 1) {
                        assertEquals(EntryStatus.MISSING, engine.decidedStatus(source, signal));
                        assertEquals(config.defaultWord(), engine.decidedWord(source, signal));
                    } else {
                        assertEquals(EntryStatus.VALUE, engine.decidedStatus(source, signal));
                        assertEquals(source * 100L + signal, engine.decidedWord(source, signal));
                    }
                }
            }
        }
    }

    @Test
    void excludedLaneIsIgnoredAndDecidedAbsent() {
        final AgreementConfig config = Scenario.om(4, 1, 1);
        final EigEngine engine = new EigEngine(config, 0);
        engine.excludeLane(2);
        assertTrue(engine.isExcluded(2));
        assertFalse(engine.isExcluded(0));
        assertEquals(1L << 2, engine.excludedMask());
        engine.beginFrame(0, new long[] {1}, new byte[] {EntryStatus.VALUE});
        assertFalse(engine.accept(1, 2, 2, 0, 7, EntryStatus.VALUE));
        engine.closeRound(1);
        engine.closeRound(2);
        engine.decide();
        assertEquals(EntryStatus.DEFAULT, engine.decidedStatus(2, 0));
        assertEquals(EntryStatus.VALUE, engine.decidedStatus(0, 0));
        engine.readmitLane(2);
        assertFalse(engine.isExcluded(2));
    }

    @Test
    void excludingOrReadmittingALaneOutOfRangeChangesNothing() {
        final EigEngine engine = new EigEngine(Scenario.om(4, 1, 1), 0);
        engine.excludeLane(2);
        for (final int outside : new int[] {-1, 4, 63, 64}) {
            engine.excludeLane(outside);
            assertEquals(1L << 2, engine.excludedMask(), "exclude " + outside);
            assertFalse(engine.isExcluded(outside), "lane " + outside);
        }
        // A shift by 64 or -64 wraps to lane 0's bit: with lane 0 excluded, neither may read as excluded.
        engine.excludeLane(0);
        assertFalse(engine.isExcluded(64));
        assertFalse(engine.isExcluded(-64));
        engine.readmitLane(0);
        for (final int outside : new int[] {-1, 4, 64}) {
            engine.readmitLane(outside);
            assertEquals(1L << 2, engine.excludedMask(), "readmit " + outside);
        }
    }

    @Test
    void aLaneExcludedItselfDecidesItsOwnEntryAbsentAsTheOthersDo() {
        for (final AgreementConfig config : new AgreementConfig[] {Scenario.om(4, 1, 1), Scenario.omh(5, 1, 1, 1, 0, 1)}) {
            final EigEngine engine = new EigEngine(config, 0);
            engine.excludeLane(0);
            assertTrue(engine.isExcluded(0));
            assertEquals(1L, engine.excludedMask());
            engine.beginFrame(0, new long[] {1}, new byte[] {EntryStatus.VALUE});
            engine.closeRound(1);
            engine.closeRound(2);
            engine.decide();
            final byte absent = config.mode() == AgreementConfig.Mode.HYBRID_CORRECTED
                ? EntryStatus.MISSING : EntryStatus.DEFAULT;
            assertEquals(absent, engine.decidedStatus(0, 0), config.toString());
            engine.readmitLane(0);
            assertFalse(engine.isExcluded(0));
            engine.beginFrame(1, new long[] {1}, new byte[] {EntryStatus.VALUE});
            engine.closeRound(1);
            engine.closeRound(2);
            engine.decide();
            assertEquals(EntryStatus.VALUE, engine.decidedStatus(0, 0), "readmitted: its own reading again");
        }
    }

    @Test
    void slotEmptyTellsWhatStoreCheckedAndUnstoreDid() {
        final AgreementConfig config = Scenario.om(4, 1, 2);
        final EigEngine engine = new EigEngine(config, 0);
        final byte[] valid = {EntryStatus.VALUE, EntryStatus.VALUE};
        engine.beginFrame(0, new long[] {7, 8}, valid);
        final int slot = 1 * 2 + 1; // node (1), signal 1
        assertTrue(engine.slotEmpty(slot));
        assertFalse(engine.slotEmpty(0), "own reading is stored when the frame begins");
        engine.storeChecked(slot, 5, EntryStatus.VALUE);
        assertFalse(engine.slotEmpty(slot));
        assertEquals(5, engine.storedWord(1, 1));
        assertEquals(EntryStatus.VALUE, engine.storedStatus(1, 1));
        assertFalse(engine.accept(1, 1, 1, 1, 6, EntryStatus.VALUE), "accept sees the stored entry too");
        engine.unstore(slot);
        assertTrue(engine.slotEmpty(slot));
        assertEquals(-1, engine.storedStatus(1, 1), "empty again while the round is open");
        assertTrue(engine.accept(1, 1, 1, 1, 6, EntryStatus.VALUE), "an emptied slot takes an entry again");
        assertEquals(6, engine.storedWord(1, 1));
        engine.beginFrame(1, new long[] {7, 8}, valid);
        assertTrue(engine.slotEmpty(slot), "a new frame empties the slot");
    }

    @Test
    void aSlotStoredThenEmptiedIsMissingOnceItsRoundCloses() {
        final AgreementConfig[] configs = {Scenario.om(4, 1, 2), Scenario.omh(4, 1, 2, 1, 0, 0)};
        for (final AgreementConfig config : configs) {
            final boolean hybrid = config.mode() == AgreementConfig.Mode.HYBRID_CORRECTED;
            final EigEngine engine = new EigEngine(config, 0);
            engine.beginFrame(0, new long[] {3, 4}, new byte[] {EntryStatus.VALUE, EntryStatus.VALUE});
            // Every slot lane 0 receives in round 1 (nodes (1), (2), (3), two signals), then one emptied again.
            for (int slot = 2; slot < 8; slot++) {
                engine.storeChecked(slot, 10 + slot, EntryStatus.VALUE);
            }
            engine.unstore(5);
            engine.countStored(1, 5);
            engine.closeRound(1);
            assertEquals(hybrid ? EntryStatus.MISSING : EntryStatus.RELAYED_ERROR, engine.storedStatus(2, 1),
                config + ": emptied, then not received again");
            assertEquals(0, engine.storedWord(2, 1), config.toString());
            assertEquals(EntryStatus.VALUE, engine.storedStatus(2, 0), config.toString());
            assertEquals(14, engine.storedWord(2, 0), config.toString());
        }
    }

    @Test
    void allArrivedCountsWhatWasKeptAndAFrameStartsTheCountAgain() {
        final AgreementConfig config = Scenario.om(4, 1, 2);
        final EigPaths paths = config.paths();
        final EigEngine engine = new EigEngine(config, 0);
        final byte[] valid = {EntryStatus.VALUE, EntryStatus.VALUE};
        for (int frame = 0; frame < 2; frame++) {
            engine.beginFrame(frame, new long[] {3, 4}, valid);
            assertEquals(EntryStatus.VALUE, engine.storedStatus(0, 1), "own reading shown as the frame begins");
            assertFalse(engine.allArrived(1), "frame " + frame + ": nothing yet");
            for (int slot = 2; slot < 8; slot++) {
                engine.storeChecked(slot, slot, EntryStatus.VALUE);
            }
            assertFalse(engine.allArrived(1), "stored, not yet counted");
            engine.countStored(1, 6);
            assertTrue(engine.allArrived(1), "frame " + frame + ": the six slots of nodes (1), (2), (3)");
            engine.closeRound(1);
            for (int node = paths.levelStart(2); node < paths.levelEnd(2); node++) {
                if (!paths.contains(node, 0)) {
                    assertFalse(engine.allArrived(2), "node " + node + " not yet");
                    assertTrue(engine.accept(2, paths.last(node), node, 0, node, EntryStatus.VALUE));
                    assertTrue(engine.accept(2, paths.last(node), node, 1, 0, EntryStatus.RELAYED_ERROR));
                }
            }
            assertTrue(engine.allArrived(2), "frame " + frame + ": every relay");
            engine.closeRound(2);
            for (int node = paths.levelStart(2); node < paths.levelEnd(2); node++) {
                final boolean through = paths.contains(node, 0);
                assertEquals(through ? EntryStatus.RELAYED_ERROR : EntryStatus.VALUE, engine.storedStatus(node, 0),
                    "node " + node + (through ? ", through this lane: missing" : ", received"));
                assertEquals(through ? 0 : node, engine.storedWord(node, 0), "node " + node);
            }
            engine.decide();
        }
    }

    /** Lane 0 of OM(4, 1, 1) hears source j's word 10 + j from j and from every relay, except where told. */
    private static EigEngine decidedLaneZero(final AgreementConfig config, final int twoFacedRelay, final int exclude) {
        final EigPaths paths = config.paths();
        final EigEngine engine = new EigEngine(config, 0);
        if (exclude > 0) {
            engine.excludeLane(exclude);
        }
        engine.beginFrame(0, new long[] {10}, new byte[] {EntryStatus.VALUE});
        for (int source = 1; source < config.lanes(); source++) {
            engine.accept(1, source, source, 0, 10 + source, EntryStatus.VALUE);
        }
        engine.closeRound(1);
        for (int node = paths.levelStart(2); node < paths.levelEnd(2); node++) {
            if (!paths.contains(node, 0)) {
                final int relay = paths.last(node);
                final long word = 10 + paths.source(node) + (relay == twoFacedRelay ? 100 : 0);
                engine.accept(2, relay, node, 0, word, EntryStatus.VALUE);
            }
        }
        engine.decide();
        return engine;
    }

    @Test
    void decidedAsReceivedWhenEveryRelayAgreesWithTheSource() {
        final AgreementConfig om = Scenario.om(4, 1, 1);
        final EigEngine agreed = decidedLaneZero(om, -1, -1);
        for (int source = 1; source < 4; source++) {
            assertTrue(agreed.decidedAsReceived(source), "source " + source);
            assertEquals(10 + source, agreed.decidedWord(source, 0));
        }
        final EigEngine oneRelayLies = decidedLaneZero(om, 3, -1);
        assertFalse(oneRelayLies.decidedAsReceived(1), "relay 3 disagrees about source 1");
        assertFalse(oneRelayLies.decidedAsReceived(2), "and about source 2");
        assertTrue(oneRelayLies.decidedAsReceived(3), "no other relay lies about source 3");
        assertEquals(11, oneRelayLies.decidedWord(1, 0), "the majority still decides what source 1 sent");
        final EigEngine excluded = decidedLaneZero(om, -1, 3);
        assertFalse(excluded.decidedAsReceived(3), "an excluded source is decided as absent");
        assertFalse(excluded.decidedAsReceived(1), "its relay of source 1 dropped: resolved signal by signal");
        assertEquals(11, excluded.decidedWord(1, 0));
        assertFalse(decidedLaneZero(Scenario.omh(4, 1, 1, 1, 0, 0), -1, -1).decidedAsReceived(1),
            "OMH resolves signal by signal");
        final EigEngine noRelays = new EigEngine(Scenario.om(4, 0, 1), 0);
        noRelays.beginFrame(0, new long[] {10}, new byte[] {EntryStatus.VALUE});
        noRelays.decide();
        assertTrue(noRelays.decidedAsReceived(2), "m = 0: the round-1 entry is the decision");
    }

    @Test
    void aNodeNeverReceivedReadsAsIfFilledAtItsOwnRoundsClose() {
        // n = 7, m = 2: round 3 closed before round 2 (decide closes the last round first when the host did not).
        final AgreementConfig config = Scenario.om(7, 2, 1);
        final EigEngine engine = new EigEngine(config, 0);
        final int throughSelf = config.paths().child(1, 0);
        engine.beginFrame(0, new long[] {3}, new byte[] {EntryStatus.VALUE});
        engine.closeRound(3);
        assertEquals(-1, engine.storedStatus(throughSelf, 0), "round 2 still open");
        engine.closeRound(2);
        assertEquals(EntryStatus.RELAYED_ERROR, engine.storedStatus(throughSelf, 0), "round 2 closed");
        // OM drops a node through an excluded lane as MISSING; readmitted, it is missing as the default token again.
        final AgreementConfig quad = Scenario.om(4, 1, 1);
        final EigEngine lane0 = new EigEngine(quad, 0);
        final int viaOne = quad.paths().child(1, 0);
        lane0.excludeLane(1);
        lane0.beginFrame(0, new long[] {3}, new byte[] {EntryStatus.VALUE});
        lane0.decide();
        assertEquals(EntryStatus.MISSING, lane0.storedStatus(viaOne, 0), "through an excluded lane");
        lane0.readmitLane(1);
        lane0.beginFrame(1, new long[] {3}, new byte[] {EntryStatus.VALUE});
        assertEquals(-1, lane0.storedStatus(viaOne, 0), "next frame, round 2 open");
        lane0.decide();
        assertEquals(EntryStatus.RELAYED_ERROR, lane0.storedStatus(viaOne, 0), "readmitted");
        assertEquals(0, lane0.storedWord(viaOne, 0));
    }

    @Test
    void aNodeNeverReceivedReadsEmptyUntilItsRoundClosesThenMissing() {
        final AgreementConfig[] configs = {Scenario.om(4, 1, 1), Scenario.omh(4, 1, 1, 1, 0, 0)};
        for (final AgreementConfig config : configs) {
            final boolean hybrid = config.mode() == AgreementConfig.Mode.HYBRID_CORRECTED;
            final EigEngine engine = new EigEngine(config, 0);
            final EigPaths paths = config.paths();
            final int throughSelf = paths.child(1, 0); // path 1·0: relayed by this lane, never received by it
            engine.beginFrame(0, new long[] {3}, new byte[] {EntryStatus.VALUE});
            engine.closeRound(1);
            assertEquals(-1, engine.storedStatus(throughSelf, 0), config + ": round 2 still open");
            engine.closeRound(2);
            assertEquals(hybrid ? EntryStatus.MISSING : EntryStatus.RELAYED_ERROR,
                engine.storedStatus(throughSelf, 0), config + ": after its round closed");
            assertEquals(0, engine.storedWord(throughSelf, 0), config.toString());
        }
    }

    @Test
    void everyEngineOfAConfigurationSharesOneTree() {
        final AgreementConfig config = Scenario.om(7, 2, 2);
        final EigPaths tree = config.paths();
        assertTrue(tree == config.paths(), "built once");
        assertTrue(tree == new EigEngine(config, 0).paths(), "lane 0");
        assertTrue(tree == new EigEngine(config, 6).paths(), "lane 6");
        assertEquals(new EigPaths(7, 2).count(), tree.count());
    }

    @Test
    void identicalInputsGiveBitIdenticalDecisions() {
        final AgreementConfig config = Scenario.omh(6, 1, 4, 1, 1, 0);
        final long[][] first = decisions(config);
        final long[][] second = decisions(config);
        for (int lane = 0; lane < first.length; lane++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(first[lane], second[lane], "lane " + lane);
        }
    }

    private static long[][] decisions(final AgreementConfig config) {
        final Scenario scenario = new Scenario(config, new RandomEntryAdversary(new java.util.SplittableRandom(42), 3));
        scenario.kinds[1] = FaultKind.ASYMMETRIC;
        scenario.kinds[4] = FaultKind.SYMMETRIC;
        scenario.randomInputs(new java.util.SplittableRandom(7), 5);
        scenario.sim.runFrame(3, scenario.inputs, scenario.inputStatus);
        final long[][] result = new long[6][6 * 4 * 2];
        for (int lane = 0; lane < 6; lane++) {
            int i = 0;
            for (int source = 0; source < 6; source++) {
                for (int signal = 0; signal < 4; signal++) {
                    result[lane][i++] = scenario.engines[lane].decidedWord(source, signal);
                    result[lane][i++] = scenario.engines[lane].decidedStatus(source, signal);
                }
            }
        }
        return result;
    }
}
