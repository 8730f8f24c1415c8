// A private X display (Xvfb) and real key presses on it (xdotool): the only input that fires an extension's
// keyboard command (CDP key events never do; see shared/docs/feasibility.md §3).
import { execFile, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const onPath = (tool: string) =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, tool), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });

/** The tools this needs that are not installed (apt: xvfb, xdotool). */
export const missingXTools = (): string[] => ['Xvfb', 'xdotool'].filter((t) => !onPath(t));

export interface Display {
  /** e.g. ":99", for DISPLAY */
  name: string;
  stop(): void;
}

/** Starts Xvfb on a free display number (-displayfd makes the server pick one and tell us). Bounded: 10 s. */
export function startXvfb(): Promise<Display> {
  const proc = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () => void (proc.exitCode === null && proc.kill('SIGTERM'));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`Xvfb gave no display number within 10 s: ${err.slice(-300)}`));
    }, 10_000);
    proc.stderr.on('data', (d) => (err += d));
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /^(\d+)\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ name: `:${m[1]}`, stop });
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code}): ${err.slice(-300)}`));
    });
  });
}

/** Runs xdotool on `display`; bounded to 15 s. */
export function xdotool(display: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('xdotool', args, { env: { ...process.env, DISPLAY: display }, timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`xdotool ${args.join(' ')} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

/** "Alt+Shift+U" (the browser's notation) → "alt+shift+u" (xdotool's). */
export const xdotoolKeys = (shortcut: string) => shortcut.toLowerCase();
