import { launchChrome } from '/work/main/tests/e2e/lib/launch-chrome';
import { launchFirefox } from '/work/main/tests/e2e/lib/launch-firefox';
const which = process.argv[2];
const t0 = Date.now();
const b = which === 'ff' ? await launchFirefox({ extension: '/work/main/.output/firefox-mv2' }) : await launchChrome({ extension: '/work/main/.output/chrome-mv3' });
try {
  console.log(b.name, b.extensionId, b.origin, Date.now() - t0);
  const p = await b.open(b.origin + '/options.html');
  console.log('buttons', await p.count('button', 'Save'), await p.count('button', 'Test connection'), await p.count('textbox', 'API key'), await p.count('combobox', 'Platform'));
  await p.fill('API key', 'sk-abcdefgh1234');
  console.log(await p.evaluate(() => (document.getElementById('api-key') as HTMLInputElement).value, null));
  await p.select('Platform', 'custom');
  console.log('endpoint', await p.count('textbox', 'Endpoint URL'));
  await p.fill('Endpoint URL', 'http://127.0.0.1:9/v1');
  await p.click('Show key');
  console.log('hide', await p.count('button', 'Hide key'));
  const a = await b.open('http://127.0.0.1:1/'.replace(':1/', ':' + 1 + '/')).catch(e => String(e));
  console.log(Date.now() - t0);
} finally { await b.close(); }
