/**
 * Simulation harness around lanes running the bftvote library.
 */
package org.bftvote.sim;
