/**
 * Interactive consistency among redundant lanes: every healthy lane ends each frame holding the same vector of all
 * lanes' readings. {@link org.bftvote.agreement.EigEngine} runs OM(m) (Lamport, Shostak, Pease 1982) or the hybrid
 * fault algorithm OMH(m) as corrected by Lincoln and Rushby (1993) on an exponential-information-gathering tree;
 * {@link org.bftvote.agreement.AgreementConfig} checks the fault bound when built.
 *
 * <p>Footprint: each engine allocates its arrays once, sized from (n, m, K); a frame allocates nothing, logs
 * nothing, reads no clock and starts no thread.
 */
package org.bftvote.agreement;
