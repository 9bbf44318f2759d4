import type { Recorder } from "./recorder";
import type { Target } from "./sdk";

/** One contract case: the same steps run against both servers, then their observations are compared. */
export interface Case {
  name: string;
  run(t: Target, r: Recorder): Promise<void>;
}
