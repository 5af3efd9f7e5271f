package dev.oomlab.kubernetes;

import dev.oomlab.spec.Size;

/**
 * The oom_score_adj the kubelet gives a pod's containers by QoS class (pkg/kubelet/qos/policy.go):
 * Guaranteed -998, BestEffort 1000, Burstable 1000 - 1000 x request / node capacity, kept within
 * 2..999 so that a Burstable container never ties a Guaranteed or a BestEffort one.
 */
public final class QosOomScoreAdj {

    public static final int GUARANTEED = -998;
    public static final int BEST_EFFORT = 1000;

    private QosOomScoreAdj() {
    }

    /** A Burstable container's adjustment for its memory request on a node of this capacity. */
    public static int burstable(Size request, Size nodeCapacity) {
        if (request == null || nodeCapacity == null || nodeCapacity.bytes() <= 0) {
            throw new IllegalArgumentException("request/nodeCapacity: both are needed, got " + request + " of "
                    + nodeCapacity);
        }
        long adj = 1000 - 1000 * request.bytes() / nodeCapacity.bytes();
        return (int) Math.min(Math.max(2, adj), 999);
    }

    /** The same with sizes as Kubernetes and Docker write them ("2g", "4096m"). */
    public static int burstable(String request, String nodeCapacity) {
        return burstable(Size.parse("request", request), Size.parse("nodeCapacity", nodeCapacity));
    }
}
