// Runs in a headless Chromium page: the delete benchmark's steps (delete-bench.ts)
// on the page's own thread, where a CDP session can profile them
// (bench/profile-delete.mjs). The bench itself runs them in a worker.
import { run } from './delete-bench';

declare global {
  interface Window {
    clienteleDeleteProfile: { run: typeof run };
  }
}
window.clienteleDeleteProfile = { run };
