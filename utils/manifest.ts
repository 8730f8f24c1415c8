/**
 * Everything the manifest says about permissions, in one place.
 * Kept as a plain function so tests/unit/manifest.test.ts can check that
 * production builds ask for no more than they need.
 */
import { actionCommands } from './actions/builtin';

export interface ManifestEnv {
  browser: string;
  manifestVersion: 2 | 3;
  mode: string;
}

export const KIMI_HOSTS = ['https://api.moonshot.ai/*', 'https://api.moonshot.cn/*'];
/** Asked for at run time only: a custom endpoint, or reading pages without a click first. */
export const OPTIONAL_HOSTS = ['https://*/*', 'http://*/*'];
/**
 * Test builds may reach the local simulator and localhost pages without a prompt, and the video sites' watch pages,
 * which tests/e2e/video.e2e.ts serves from loopback under their real names (a test browser's own host rules):
 * the e2e build stands in for activeTab there, as it does for loopback. The APIs those pages call are not here:
 * the video reader fetches them from the page.
 */
export const E2E_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*', 'https://www.youtube.com/*', 'https://m.youtube.com/*', 'https://www.bilibili.com/*'];
/**
 * Chromium: fetching a file:// PDF needs this host permission as well as the user's "Allow access to file URLs"
 * switch. Optional (asked for when a local PDF is open); test builds have it, like loopback. Firefox's extension
 * pages can't read file:// at all, so it is not asked for there.
 */
export const FILE_HOSTS = ['file:///*'];
/**
 * Asked for at run time only, by "Add tabs": the titles and addresses of the window's tabs for the picker (without
 * it a tab shows them only once its origin is granted). Reading a tab still needs its origin, asked per origin.
 * Test builds have it, like loopback, since no test can answer the browser's prompt.
 */
export const OPTIONAL_PERMISSIONS = ['tabs'];

export const FIREFOX_ID = 'moonlit@moonlit-extension.org';

export function buildManifest({ browser, manifestVersion, mode }: ManifestEnv) {
  const firefox = browser === 'firefox';
  const hosts = mode === 'e2e' ? [...KIMI_HOSTS, ...E2E_HOSTS, ...(firefox ? [] : FILE_HOSTS)] : KIMI_HOSTS;
  const permissions = ['activeTab', 'scripting', 'storage', 'contextMenus'];
  if (!firefox) permissions.push('sidePanel');
  if (mode === 'e2e') permissions.push(...OPTIONAL_PERMISSIONS);

  const manifest: Record<string, unknown> = {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions,
    host_permissions: hosts,
    action: { default_title: '__MSG_actionTitle__' },
    // Default keys avoid the browsers' own: Chrome binds Alt+Shift+A (focus inactive dialogs), T, B and I, and
    // ChromeOS binds Alt+Shift+S (quick settings), N, P, L and M; Firefox binds no Alt+Shift letter.
    commands: {
      // Firefox's built-in command for a sidebar; Chrome's action opens the side panel.
      [firefox ? '_execute_sidebar_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandOpenPanel__',
      },
      // The actions' own commands (utils/actions/builtin/): named by the action's id.
      ...actionCommands(),
    },
  };
  if (manifestVersion === 3) {
    manifest.optional_host_permissions = firefox ? OPTIONAL_HOSTS : [...OPTIONAL_HOSTS, ...FILE_HOSTS];
    manifest.optional_permissions = OPTIONAL_PERMISSIONS;
  } else {
    manifest.optional_permissions = [...OPTIONAL_HOSTS, ...OPTIONAL_PERMISSIONS];
  }
  if (firefox) {
    manifest.browser_specific_settings = {
      gecko: {
        id: FIREFOX_ID,
        strict_min_version: '142.0',
        // Page text goes to the Kimi endpoint the user chose, when they ask.
        data_collection_permissions: { required: ['websiteContent'] },
      },
    };
  }
  return manifest;
}
