/**
 * Entry of dist/zod.js (dist/web/zod.js in the browser): the parts of zod that dist/app.js and
 * dist/team.js use, loaded once by the shell's host and handed to both bundles as their
 * `require('zod')` and `require('zod/mini')` (src/shell/host.ts). zod was a quarter of app.js;
 * apart, the host compiles it in a turn of its own, so neither load is one long block (docs/
 * performance.md, "Blocks over a frame"), and team.js no longer carries a second copy.
 * `export * from 'zod'` would bring all of zod (460 KB with its locales): the names are listed,
 * and test/unit/zodBundle.test.ts checks that every name the source uses is here.
 */
export * as zod from './zodParts';
export * as zodMini from './zodMiniParts';
