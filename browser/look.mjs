// Full-page screenshots for a person to look at: `node browser/look.mjs URL_PATH...` with the
// book served by `cargo xtask serve` (on 127.0.0.1:3000, or $BOOK_URL). Each page is shot at
// 390 px and 1280 px wide, in the light and the coal theme, into $OUT (default target/look).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const base = process.env.BOOK_URL || 'http://127.0.0.1:3000';
const out = path.resolve(process.env.OUT || 'target/look');
fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--disable-background-networking', '--no-first-run',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
});
try {
  for (const width of [390, 1280]) {
    for (const theme of ['light', 'coal']) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, isMobile: width < 600 });
      await context.addInitScript((theme) => localStorage.setItem('mdbook-theme', theme), theme);
      await context.route('**/*', (r) => (r.request().url().startsWith(base) ? r.continue() : r.abort()));
      for (const page of process.argv.slice(2)) {
        const tab = await context.newPage();
        await tab.goto(`${base}/${page}`, { waitUntil: 'load' });
        await tab.evaluate(() => document.fonts.ready);
        const name = page.replace(/\/index\.html$|\.html$/, '').replace(/\W+/g, '-') || 'index';
        await tab.screenshot({ path: path.join(out, `${name}-${width}-${theme}.png`), fullPage: true });
        await tab.close();
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
}
