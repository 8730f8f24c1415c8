// Breaks a layer on purpose: tests/unit/layers.test.ts checks the rule catches it.
import { worker } from '../utils/background/worker';
export const c = worker;
