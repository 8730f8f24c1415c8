import { launchChrome } from './lib/launch-chrome';
import { startFixtureServer } from './lib/fixture-server';
const b = await launchChrome();
const site = await startFixtureServer();
try {
  await b.context.addInitScript('window.__trap = 1;');
  const art = await b.context.newPage();
  await art.goto(site.url('article.html'));
  const tabId = await b.tabIdOf(site.url('article.html'));
  const p = await b.context.newPage();
  await p.goto(`${b.origin}/options.html`);
  console.log('trap in ext page', await p.evaluate('window.__trap'));
  const res = await b.worker.evaluate(`(async () => {
    const probe = async () => { let s; try { s = await chrome.storage.session.get(null); } catch (e) { s = 'ERR ' + e.message; }
      let r; try { r = await chrome.runtime.sendMessage({name:'panel→bg:extract', data:{tabId:1}}); } catch (e) { r = 'ERR ' + e.message; }
      return { local: await chrome.storage.local.get(null), s, r, trap: window.__trap }; };
    const out = await chrome.scripting.executeScript({ target: { tabId: ${tabId} }, func: probe });
    return out[0].result;
  })()`);
  console.log(JSON.stringify(res));
  const cdp = await b.context.newCDPSession(p);
  try { await cdp.send('ServiceWorker.enable'); await cdp.send('ServiceWorker.stopAllWorkers'); console.log('stopAllWorkers ok'); } catch (e) { console.log('SW err', String(e)); }
  await new Promise((r) => setTimeout(r, 1000));
  console.log('workers', b.context.serviceWorkers().length);
  try { console.log(await b.worker.evaluate('1+1')); } catch (e) { console.log('old worker gone:', String(e).slice(0, 100)); }
} finally { await b.close(); await site.close(); }
