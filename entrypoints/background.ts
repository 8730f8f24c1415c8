import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '@/utils/background/start';

export default defineBackground({
  // Firefox MV2: an event page, not a persistent background page.
  persistent: false,
  main() {
    startBackground();
  },
});
