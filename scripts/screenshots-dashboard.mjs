#!/usr/bin/env node
// The dashboard half of scripts/screenshots.mjs (which takes all of the README's screenshots):
//   npm run build && node scripts/screenshots-dashboard.mjs   → media/screenshots/dashboard-*.png
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./screenshots.mjs', import.meta.url));
const { status } = spawnSync(process.execPath, [script, '--only', 'dashboard'], { stdio: 'inherit' });
process.exit(status ?? 1);
