// Breaks a layer on purpose: tests/unit/layers.test.ts checks the rule catches it.
import { browser } from 'wxt/browser';
export const e = browser.runtime.id;
