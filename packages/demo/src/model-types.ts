// Types borrowed from the event catalogue, named for what the generator does with them.
import type { Axis, EventData } from "@maturity/model";

export type { Axis };
export type MonitorSignal = EventData<"monitor.configured">["signal"];
