package upgrade.plan;

import upgrade.engine.Ledger;
import upgrade.mapping.MappingSet;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The first half of planning: the mapping files as parsed and V3's ledger as read, not yet checked
 * against the live schemas (the drift report works on it, also where the mappings do not fit V2).
 *
 * @param started when the run began: the recorded run's start when one is continued, else now; the
 *                mappings' expressions see it as the time of the upgrade
 */
public record Draft(MappingSet mappings, Optional<Ledger.RunState> recorded, Map<String, StepState> states, Instant started) {
    public Draft {
        states = Map.copyOf(states);
    }
}
