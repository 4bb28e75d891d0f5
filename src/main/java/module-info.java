/**
 * bftvote core: fixed-allocation voters, channel redundancy management, interactive consistency and fault-tolerant
 * clock synchronisation for redundant flight-control lanes. The only runtime dependency is the SLF4J API, used
 * solely by the optional logging listener; the frame path never logs.
 */
module org.bftvote {
    requires org.slf4j;

    exports org.bftvote;
    exports org.bftvote.vote;
    exports org.bftvote.agreement;
    exports org.bftvote.agreement.memory;
    exports org.bftvote.channel;
    exports org.bftvote.clock;
}
