// CLI: `npx tsx tests/simulator/main.ts [--port 8787] [--key K]... [--platform ai|cn]` — runs until killed.
// Prints the base URL and key, then one machine-readable line: SIMULATOR_READY {"baseUrl":…,"key":…,"url":…}.
import { startSimulator } from './server';

function parseArgs(argv: string[]): { port: number; keys: string[]; platform: 'ai' | 'cn' } {
  const out = { port: 8787, keys: [] as string[], platform: 'ai' as 'ai' | 'cn' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--port') out.port = Number(value());
    else if (flag === '--key') out.keys.push(value());
    else if (flag === '--platform') out.platform = value() === 'cn' ? 'cn' : 'ai';
    else {
      console.error(`Unknown argument ${argv[i]}. Usage: main.ts [--port N] [--key K]... [--platform ai|cn]`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535) {
    console.error('--port needs a number from 0 to 65535');
    process.exit(2);
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
const sim = await startSimulator({ port: args.port, keys: args.keys, platform: args.platform });
console.log(`Kimi simulator (platform .${args.platform}) on ${sim.url}`);
console.log(`  base URL: ${sim.baseUrl}`);
console.log(`  API key:  ${sim.key}`);
console.log(`  control:  ${sim.url}/__sim/{health,log,script,default,reset,balance}`);
console.log(`SIMULATOR_READY ${JSON.stringify({ url: sim.url, baseUrl: sim.baseUrl, key: sim.key })}`);

const stop = () => {
  void sim.close().then(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref(); // never hang on shutdown
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
