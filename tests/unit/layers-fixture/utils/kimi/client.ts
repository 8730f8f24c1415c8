// Breaks a layer on purpose: tests/unit/layers.test.ts checks the rule catches it.
import { worker } from '../background/worker';
export const k = worker;
