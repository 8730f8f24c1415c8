// Videos as a source, end to end in Chromium and Firefox ESR with the e2e build: watch pages and APIs served under the real YouTube
// and Bilibili host names from a local HTTPS server (tests/e2e/lib/video-site.ts), so the real URL matching, the
// video reader injected into the page, its fetches with the page's origin, and the panel all run. Summarize a video,
// seek from a cited moment, a part of a multi-part Bilibili video, in-page navigation to another video, and every
// failure with its message and no chat request.
// Run: npm run build:e2e && npx tsx --test --test-reporter=spec tests/e2e/video.e2e.ts
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startMoonlit, type BrowserKind, type Moonlit, type OpenedPage } from './lib/moonlit';
import { startVideoSite, type VideoSite } from './lib/video-site';
import { BILI, BROOD_LINE, CLUSTER_LINE, PART1_LINE, PART2_LINE, TOPBAR_LINE, YT } from './lib/video-fixtures';
import { waitForAnswerStatus } from './lib/answers';
import { chatRequests, messagesText } from './lib/log-checks';
import { msg } from './lib/messages';
import { waitInPage, type UiPage } from './lib/ui-driver';

const watch = (id: string, host = 'www.youtube.com') => `https://${host}/watch?v=${id}`;
const bili = (bvid: string, p?: number) => `https://www.bilibili.com/video/${bvid}${p ? `?p=${p}` : ''}`;
const bodyText = (page: UiPage) => page.evaluate(() => document.body.innerText, null);

/** Waits until the panel's text includes `text` (its video card, or a notice). */
const panelShows = (panel: UiPage, text: string, timeoutMs = 30_000) =>
  waitInPage(panel, `the panel to show "${text}"`, (t: string) => document.body.innerText.includes(t), text, {
    timeoutMs,
    describe: () => panel.evaluate(() => document.body.innerText.slice(0, 600), null),
  });

/** The video card's lines. */
/** The video card's text, once it is shown (the card loads just after the panel's first paint). */
const card = (panel: UiPage) =>
  waitInPage(
    panel,
    'the video card',
    () => {
      const el = document.querySelector<HTMLElement>('.video-card');
      return el?.innerText ? el.innerText.replace(/\s+/g, ' ') : null;
    },
    null,
  );

/** Chromium: host rules and --ignore-certificate-errors; Firefox: a PAC to a CONNECT proxy and BiDi's acceptInsecureCerts. */
const launchFor = (kind: BrowserKind, site: VideoSite): Promise<Moonlit> =>
  kind === 'chromium'
    ? startMoonlit('chromium', { chromeArgs: site.chromeArgs })
    : startMoonlit('firefox', { firefoxPrefs: site.firefoxPrefs, firefoxInsecureCerts: true });

for (const kind of ['chromium', 'firefox'] as const)
  describe(`videos as a source (${kind}, real host names over HTTPS)`, () => {
    let site: VideoSite;
    let m: Moonlit;
    const opened: OpenedPage[] = [];
    before(async () => {
      site = await startVideoSite();
      m = await launchFor(kind, site);
    });
    after(async () => {
      await m?.close();
      await site?.close();
    });
    beforeEach(async () => {
      while (opened.length)
        await opened
          .pop()!
          .close()
          .catch(() => undefined);
      m.sim.reset();
    });
    /** A tab on `url` (or, for a short link, on `final` after its redirect) and a panel bound to it, once it shows `title`. */
    const panelFor = async (url: string, title: string, final = url) => {
      const tab = await m.open(url);
      opened.push(tab);
      const tabId = await m.tabIdOf(final);
      const panel = await m.open(`${m.b.origin}/sidepanel.html?tabId=${tabId}`);
      opened.push(panel);
      await panelShows(panel.ui, title);
      return { tab, panel, tabId };
    };

    it('summarizes a YouTube video from its transcript, and a cited moment seeks the video in its tab and shows its line', async () => {
      const v = YT.winter;
      const { tab, panel } = await panelFor(watch(v.id), v.title);
      const shown = await card(panel.ui);
      assert.ok(shown.includes(msg('videoBy', v.author)), `the card names the channel: ${shown}`);
      assert.ok(shown.includes(msg('videoDuration', '5:00')), `the card says the length: ${shown}`);
      assert.ok(shown.includes(msg('videoTrackUploaded', 'English')), `the card says which transcript: ${shown}`);
      assert.ok(shown.includes(msg('videoChapters', 3)), `the card counts the description's chapters: ${shown}`);
      assert.equal(await panel.ui.count('combobox', msg('videoTrackPick')), 1, 'two tracks: the picker is there');
      assert.ok((await bodyText(panel.ui)).includes(msg('videoCoverageAll', '').split('(')[0].trim()), 'the coverage line speaks of the transcript');

      m.sim.script({ content: 'Bees form a cluster [2:00] and are fed later [3:05]; spring comes at [3:15:00].' });
      await panel.ui.click(msg('videoSummarize'));
      const answer = await waitForAnswerStatus(panel.ui, 0, ['done', 'error', 'stopped']);
      assert.equal(answer.status, 'done', answer.text);
      const [req] = chatRequests(m.sim.log);
      assert.ok(req, 'one chat request');
      const text = messagesText(req);
      assert.ok(text.includes(`[2:00] ${CLUSTER_LINE}`), 'the transcript goes with its times');
      assert.ok(
        text.includes('<page_content>') && text.includes('<video_description>') && text.includes('<video_chapters>'),
        'transcript, description and chapters each in their own wrapper',
      );
      assert.ok(text.includes('1:00 The cluster'), 'chapter titles are sent as context');
      assert.ok(text.includes("organised by the video's chapters"), 'the summary asks for chapters and timestamps');
      assert.ok(text.includes('Channel: Orchard Notes'), 'the channel goes with the video');
      assert.equal(chatRequests(m.sim.log).length, 1, 'exactly one chat request');

      const moments = await panel.ui.evaluate(() => [...document.querySelectorAll<HTMLElement>('button.md-moment')].map((b) => b.dataset.seconds), null);
      assert.deepEqual(moments, ['120', '185'], 'both cited moments are buttons, and not the one past the end');
      const past = await panel.ui.evaluate(() => [...document.querySelectorAll<HTMLElement>('.md-moment-past')].map((e) => [e.textContent, e.title]), null);
      assert.deepEqual(past, [['[3:15:00]', msg('videoMomentPastEnd', '5:00')]], 'a moment past the 5-minute video is text that says so');
      // Hover: the transcript line at that moment.
      await panel.ui.evaluate(() => document.querySelector('button.md-moment')!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true })), null);
      await waitInPage(panel.ui, 'the moment preview', (line: string) => document.querySelector('.moment-preview')?.textContent?.includes(line), CLUSTER_LINE);
      // Click: the tab's <video> moves to 2:00 and plays (its `play` event), without a reload (a marker set on the page survives).
      assert.equal(await tab.ui.evaluate(() => document.querySelector('video')!.dataset.plays ?? '0', null), '0', 'not playing before the click');
      await tab.ui.evaluate(() => void ((window as unknown as { __notReloaded: boolean }).__notReloaded = true), null);
      const loads = site.requests.filter((r) => r.path.startsWith('/watch')).length;
      await panel.ui.evaluate(() => (document.querySelector('button.md-moment') as HTMLButtonElement).click(), null);
      await waitInPage(tab.ui, 'the video to seek to 2:00', () => document.querySelector('video')!.currentTime === 120, null);
      await waitInPage(tab.ui, 'play() on the video', () => document.querySelector('video')!.dataset.plays === '1', null);
      assert.equal(await tab.ui.evaluate(() => document.querySelector('video')!.paused, null), false, 'the video is no longer paused');
      assert.equal(await tab.ui.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded, null), true, 'the page was not reloaded');
      assert.equal(site.requests.filter((r) => r.path.startsWith('/watch')).length, loads, 'no new load of the watch page');
    });

    it('the track picker reads the other track, and says it is automatic', async () => {
      const v = YT.winter;
      const { panel } = await panelFor(watch(v.id), v.title);
      await panel.ui.select(msg('videoTrackPick'), 'de');
      await panelShows(panel.ui, msg('videoTrackAutomatic', 'German (auto-generated)'));
      assert.ok(
        site.requests.some((r) => r.path.includes('lang=de') && r.path.includes('fmt=json3')),
        'the German track was fetched as json3',
      );
    });

    it('follows in-page navigation to another video in the same tab: the new video is read, its id checked', async () => {
      const a = YT.winter;
      const b = YT.topbar;
      const { tab, panel } = await panelFor(watch(a.id), a.title);
      // The site's own navigation: new address, same document, the inline player data still the first video's.
      await tab.ui.evaluate(([id, title]: [string, string]) => (window as unknown as { goTo(i: string, t: string): void }).goTo(id, title), [b.id, b.title] as [
        string,
        string,
      ]);
      await panelShows(panel.ui, b.title);
      assert.ok(
        site.requests.some((r) => r.path === `/watch?v=${b.id}`),
        'the watch page of the new video was fetched again for its own player data',
      );
      await panel.ui.click(msg('videoSummarize'));
      assert.equal((await waitForAnswerStatus(panel.ui, 0, ['done', 'error', 'stopped'])).status, 'done');
      const text = messagesText(chatRequests(m.sim.log).at(-1)!);
      assert.ok(text.includes(TOPBAR_LINE), "the new video's transcript went");
      assert.ok(!text.includes(CLUSTER_LINE), 'nothing of the first video went');
    });

    it('no caption track in the player data but the transcript panel open: read from the panel, and the card says so', async () => {
      const v = YT.panelOnly;
      const { panel } = await panelFor(watch(v.id), v.title);
      const shown = await card(panel.ui);
      assert.ok(shown.includes(msg('videoTrackPanel')), `the card says where the transcript came from: ${shown}`);
      assert.ok(shown.includes(msg('videoDuration', '4:00')), `the player data still gives the length: ${shown}`);
      assert.ok(!site.requests.some((r) => r.path.startsWith('/api/timedtext') && r.path.includes(v.id)), 'no caption request: there was no track');
      await panel.ui.click(msg('videoSummarize'));
      assert.equal((await waitForAnswerStatus(panel.ui, 0, ['done', 'error', 'stopped'])).status, 'done');
      const text = messagesText(chatRequests(m.sim.log)[0]);
      assert.ok(text.includes(`[1:00] ${BROOD_LINE}`), "the panel's lines went with their times");
      assert.ok(text.includes('Brood, note 8.'), 'to the last line');
    });

    it('reads a youtu.be link after its redirect, and m.youtube.com', async () => {
      const v = YT.topbar;
      const short = await panelFor(`https://youtu.be/${v.id}`, v.title, watch(v.id));
      assert.ok((await card(short.panel.ui)).includes(msg('videoTrackUploaded', 'English')));
      const mobile = await panelFor(watch(v.id, 'm.youtube.com'), v.title);
      assert.ok((await card(mobile.panel.ui)).includes(msg('videoTrackUploaded', 'English')));
    });

    it('a multi-part Bilibili video at ?p=2 reads part 2 by its cid through the signed player API', async () => {
      const v = BILI.parts;
      const { panel } = await panelFor(bili(v.bvid, 2), '看脾');
      const player = site.requests.filter((r) => r.host === 'api.bilibili.com' && r.path.startsWith('/x/player/wbi/v2'));
      assert.ok(
        player.length > 0 && player.every((r) => r.path.includes('cid=5002') && r.path.includes('w_rid=')),
        `part 2's cid, signed: ${JSON.stringify(player)}`,
      );
      assert.ok((await card(panel.ui)).includes(msg('videoBy', v.owner)));
      await panel.ui.click(msg('videoSummarize'));
      assert.equal((await waitForAnswerStatus(panel.ui, 0, ['done', 'error', 'stopped'])).status, 'done');
      const text = messagesText(chatRequests(m.sim.log)[0]);
      assert.ok(text.includes(PART2_LINE) && text.includes('[0:00] 第二部分'), "part 2's subtitles went, with their times");
      assert.ok(!text.includes(PART1_LINE), 'nothing of part 1 went');
    });

    it('a b23.tv short link is read after its redirect', async () => {
      await panelFor('https://b23.tv/xYz12Ab', '看脾', bili(BILI.parts.bvid, 2));
    });

    /** Opens `url`, waits for the failure notice `titleKey`, and checks no chat request was made, also after Summarize. */
    async function failure(url: string, titleKey: string, adviceKey: string) {
      const { panel } = await panelFor(url, msg(titleKey));
      await panelShows(panel.ui, msg(adviceKey));
      assert.equal(chatRequests(m.sim.log).length, 0, 'nothing was read: no chat request');
      // Summarize on a video that could not be read reads it again (the notice goes while it does, and comes back),
      // and again sends nothing.
      await panel.ui.evaluate(() => void ((document.querySelector('.video-notice') as HTMLElement & { __seen?: true }).__seen = true), null);
      await panel.ui.click(msg('panelSummarize'));
      await waitInPage(
        panel.ui,
        'the notice of a new reading',
        () => {
          const notice = document.querySelector('.video-notice') as (HTMLElement & { __seen?: true }) | null;
          return !!notice && !notice.__seen;
        },
        null,
      );
      await panelShows(panel.ui, msg(titleKey));
      assert.equal(chatRequests(m.sim.log).length, 0, 'still no chat request');
      return panel;
    }

    it('no captions: says so, sends nothing', async () => {
      await failure(watch(YT.silent.id), 'videoNoCaptionsTitle', 'videoNoCaptionsAdvice');
    });

    it('a YouTube video that cannot be played here (removed, private): says so, sends nothing', async () => {
      await failure(watch(YT.unplayable.id), 'videoUnplayableTitle', 'videoUnplayableAdvice');
    });

    it('a YouTube video that needs a signed-in account: "sign in to YouTube in this browser", sends nothing', async () => {
      await failure(watch(YT.signIn.id), 'videoLoginTitle', 'videoLoginAdviceYoutube');
    });

    it('Bilibili subtitles that need a signed-in account: "sign in to Bilibili in this browser", sends nothing', async () => {
      await failure(bili(BILI.login.bvid), 'videoLoginTitle', 'videoLoginAdvice');
    });

    it("the player API answers for another part: refused as another video's transcript, sends nothing", async () => {
      await failure(bili(BILI.wrong.bvid), 'videoWrongTitle', 'videoWrongAdvice');
    });

    it('an ad is playing: says wait, and "Read again" reads the video once the ad is over', async () => {
      const v = YT.advert;
      const { tab, panel } = await panelFor(watch(v.id), msg('videoAdTitle'));
      assert.equal(chatRequests(m.sim.log).length, 0);
      await tab.ui.evaluate(() => document.querySelector('.html5-video-player')!.classList.remove('ad-showing'), null);
      await panel.ui.click(msg('videoReadAgain'));
      await panelShows(panel.ui, msg('videoTrackUploaded', 'English'));
    });

    it('empty captions: says so and offers the title and description only, labelled as such in the answer', async () => {
      const v = YT.emptied;
      const panel = await failure(watch(v.id), 'videoEmptyTitle', 'videoBrokenAdvice');
      await panel.ui.click(msg('videoTitleOnlyButton'));
      await panelShows(panel.ui, msg('videoTitleOnlyLabel'));
      await panel.ui.click(msg('videoSummarize'));
      assert.equal((await waitForAnswerStatus(panel.ui, 0, ['done', 'error', 'stopped'])).status, 'done');
      await panelShows(panel.ui, msg('videoTitleOnlyAnswer'));
      const text = messagesText(chatRequests(m.sim.log)[0]);
      assert.ok(text.includes('pine needles and dry grass'), 'the description went');
      assert.ok(text.includes('based on the title and description only'), 'Kimi is told to say so');
      assert.ok(!text.includes('The transcript (what is said in the video):'), 'no transcript: none was read');
    });
  });
