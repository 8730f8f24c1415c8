import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { leaveVideoReader } from '@/utils/video/reader-slot';
import { readVideoPage } from '@/utils/video/read-video';

// Injected on demand with scripting.executeScript (activeTab) into the page's isolated world, like the page
// reader: it reads the player data from the page's inline scripts as text and fetches captions with the page's
// own fetch, so the page's session and cookies apply and no host permission is needed (docs/video.md). It only
// leaves the reader in the page; the worker then calls it with the track and answer language (video-tab.ts).
export default defineUnlistedScript(() => leaveVideoReader((opts) => readVideoPage(document, window, opts)));
