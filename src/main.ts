// Entry point of `npm start`.
import { exitOnStartFailure, run } from "./run.js";

run().catch(exitOnStartFailure);
