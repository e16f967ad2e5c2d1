// The book in a real browser: `cargo xtask browser` (a step of `cargo xtask ci`) runs this
// against the built book, in Debian's Chromium, driven by playwright-core.
//
//   node browser/check.mjs --book book --out target/browser
//
// It serves the book on 127.0.0.1 itself and lets the browser reach nothing else. On every
// page, at 1280 px wide: no console error or failed request; every admonition styled, none
// raw; every collapsed block opens on click; every code block highlighted; every report block
// wraps; every internal link and #anchor resolves. At 390 px: no page wider than the screen,
// no hint title under its arrow, a cue under every diagram that scrolls sideways (and none
// under one that fits). At both widths: every diagram's text at least 9 px as shown, and a tap
// on it opens it full size.
// Once: search finds a chapter, print.html holds the whole book, printed as an attendee's book
// (hints collapsed, no solution, no instructor block) and, as print.html?instructor, as an
// instructor's notes (all of it, expanded); and the dark themes turn the diagrams dark. It saves screenshots for a reviewer, prints what it checked and how long it
// took, and exits 1 with the list of failures if anything failed (2 if it ran out of time).

import { chromium } from 'playwright-core';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

/** Text smaller than this, as shown on the screen, is too small to read. */
const MIN_TEXT_PX = 9;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const DARK_THEMES = ['coal', 'navy', 'ayu'];
/** Where the phone and dark-theme screenshots look: the first diagram. */
const DIAGRAM = 'main img[src$=".svg"]';
/** The whole run, and any one browser action: nothing waits longer. */
const DEADLINE_MS = Number(process.env.BROWSER_CHECK_DEADLINE_MS || 300_000);
const STEP_MS = 15_000;

const started = Date.now();
const args = parseArgs(process.argv.slice(2));
const bookDir = path.resolve(args.book || 'book');
const outDir = path.resolve(args.out || 'target/browser');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

/** Every failure, as "where: what", and every page or book-wide check that was made. */
const failures = [];
const failed = new Set();
const checked = new Set();
const fail = (where, what) => {
  failures.push(`${where}: ${what}`);
  failed.add(where);
};

let browser;
let server;
/** The one tab of each browser context that `open` uses, and the page it shows. */
const tabs = new WeakMap();
const deadline = setTimeout(async () => {
  console.error(`browser check: stopped after ${DEADLINE_MS / 1000} s, its time limit`);
  report();
  await browser?.close().catch(() => {});
  process.exit(2);
}, DEADLINE_MS);

try {
  await main();
} catch (error) {
  fail('browser check', error.stack || String(error));
} finally {
  clearTimeout(deadline);
  await browser?.close().catch(() => {});
  server?.close();
}
process.exit(report() ? 0 : 1);

async function main() {
  if (!fs.existsSync(path.join(bookDir, 'index.html'))) {
    throw new Error(`no built book at ${bookDir} (run \`cargo xtask book\` first)`);
  }
  fs.mkdirSync(outDir, { recursive: true });
  const origin = await serve(bookDir);

  browser = await chromium.launch({
    executablePath,
    headless: true,
    timeout: STEP_MS * 2,
    args: [
      // Nothing outside this machine answers: ask it nothing.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-default-apps',
      '--disable-domain-reliability',
      '--disable-sync',
      '--disable-client-side-phishing-detection',
      '--disable-breakpad',
      '--no-pings',
      '--no-first-run',
      '--no-default-browser-check',
      '--metrics-recording-only',
      '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,AutofillServerCommunication,CertificateTransparencyComponentUpdater',
      '--disable-dev-shm-usage',
      // Chromium's sandbox refuses to run as root, as CI does.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });

  const pages = htmlFiles(bookDir).filter((p) => p !== 'print.html');
  const visits = new Map(); // page → { ids, links, h1 }
  const svgMinText = new Map(); // svg URL → smallest text at its own size, px

  // The two widths in parallel, one tab each: the machine has two cores.
  const desktopPass = (async () => {
    const desktop = await newContext(origin, DESKTOP);
    for (const page of pages) {
      visits.set(page, await checkDesktop(desktop, origin, page, svgMinText));
    }
    await desktop.close();
  })();
  const phonePass = (async () => {
    const phone = await newContext(origin, PHONE, { isMobile: true, hasTouch: true });
    for (const page of pages) {
      await checkPhone(phone, origin, page, svgMinText);
    }
    await phone.close();
  })();
  await Promise.all([desktopPass, phonePass]);
  const phone = await newContext(origin, PHONE, { isMobile: true, hasTouch: true });
  await screenshot(phone, origin, firstChapter(visits), 'phone-chapter-390.png', DIAGRAM);
  await phone.close();

  const links = checkLinks(origin, visits);
  const once = await newContext(origin, DESKTOP);
  await checkSearch(once, origin, visits);
  await checkPrint(once, origin, visits);
  await checkPrintedFor(once, origin, 'attendee');
  await checkPrintedFor(once, origin, 'instructor');
  await screenshot(once, origin, 'introduction.html', 'introduction-1280.png');
  await screenshot(once, origin, firstChapter(visits), 'chapter-1280.png');
  await screenshotSolution(once, origin, visits);
  await once.close();
  for (const theme of DARK_THEMES) {
    const dark = await newContext(origin, DESKTOP, {}, theme);
    await checkDark(dark, origin, firstChapter(visits), theme);
    if (theme === 'coal') {
      await screenshot(dark, origin, firstChapter(visits), 'dark-coal-chapter-1280.png', DIAGRAM);
    }
    await dark.close();
  }

  const { internal, external } = await links;
  console.log(
    `browser check: ${pages.length + 1} pages (and print.html), ${internal} internal links ` +
      `and anchors, ${external} external links not followed (no network), ` +
      `${svgMinText.size} diagrams, in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
      `screenshots in ${path.relative(process.cwd(), outDir) || '.'}/`,
  );
}

/** Prints the failures, if any, and the closing line. True when nothing failed. */
function report() {
  for (const failure of failures.sort()) console.error(`FAILED ${failure}`);
  for (const where of failed) checked.add(where);
  if (failures.length) console.error(`${failures.length} problem(s) in ${failed.size} place(s), listed above`);
  // One line per run, counting pages and the book-wide checks (search, print.html, themes).
  console.log(`browser: ${checked.size - failed.size} passed, ${failed.size} failed`);
  return failures.length === 0;
}

// ---------------------------------------------------------------------------------------------
// The pages

/** A browser context whose pages reach only the book's server, with `theme` set if given. */
async function newContext(origin, viewport, extra = {}, theme) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, ...extra });
  context.setDefaultTimeout(STEP_MS);
  context.setDefaultNavigationTimeout(STEP_MS);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/')) return route.continue();
    route.abort('blockedbyclient');
  });
  await context.addInitScript((theme) => {
    // print.html opens the print dialog once loaded; a test has no one to close it.
    window.print = () => {};
    if (theme) localStorage.setItem('mdbook-theme', theme);
  }, theme ?? null);
  return context;
}

/**
 * Opens `page` in the one tab of `context` (made on first use), recording console errors and
 * failed requests against the page it shows.
 */
async function open(context, origin, page) {
  checked.add(page);
  let state = tabs.get(context);
  if (!state) {
    const tab = await context.newPage();
    state = { tab, page };
    tabs.set(context, state);
    tab.on('console', (message) => {
      if (message.type() === 'error') fail(state.page, `console error: ${message.text()}`);
    });
    tab.on('pageerror', (error) => fail(state.page, `script error: ${error.message}`));
    tab.on('requestfailed', (request) => {
      const url = request.url();
      if (!url.startsWith(origin + '/')) {
        fail(state.page, `asked for an outside resource, which a reader offline cannot load: ${url}`);
      } else if (request.failure()?.errorText !== 'net::ERR_ABORTED') {
        // (Aborted: a request still open when the tab moved on to the next page, such as the
        // favicon's. A missing file answers 404, and the response handler reports it.)
        fail(state.page, `request failed: ${url} (${request.failure()?.errorText})`);
      }
    });
    tab.on('response', (response) => {
      if (response.status() >= 400) fail(state.page, `${response.status()} for ${response.url()}`);
    });
  }
  state.page = page;
  await state.tab.goto(`${origin}/${page}`, { waitUntil: 'load' });
  await state.tab.evaluate(() => document.fonts.ready);
  return state.tab;
}

async function checkDesktop(context, origin, page, svgMinText) {
  const tab = await open(context, origin, page);
  const facts = await tab.evaluate(pageFacts);
  for (const problem of facts.problems) fail(page, problem);
  for (const problem of (await tab.evaluate(layoutFacts)).problems) fail(page, problem);

  // Every collapsed block opens on click, and shows what it holds.
  const closed = await tab.locator('details:not([open])').count();
  for (let i = 0; i < closed; i += 1) {
    const details = tab.locator('details:not([open])').first();
    const title = (await details.locator('summary').first().innerText()).trim();
    const handle = await details.elementHandle();
    await details.locator('summary').first().click();
    const opened = await handle.evaluate((d) => {
      const body = [...d.children].filter((c) => c.tagName !== 'SUMMARY');
      return d.open && body.some((c) => c.getBoundingClientRect().height > 0);
    }).catch(() => false);
    await handle.dispose();
    // The locator re-resolves: once open, this block no longer matches `:not([open])`.
    if (!opened) {
      fail(page, `the collapsed block "${title}" did not open on click`);
      break;
    }
  }
  if (closed > 0 && (await tab.locator('details:not([open])').count()) > 0) {
    fail(page, 'some collapsed blocks stayed closed after a click');
  }
  for (const problem of await tab.evaluate(diagramCues)) fail(page, `at 1280 px: ${problem}`);
  await checkDiagrams(tab, page, 'at 1280 px', svgMinText);
  return facts;
}

async function checkPhone(context, origin, page, svgMinText) {
  const tab = await open(context, origin, page);
  const wide = await tab.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return null;
    // Name the outermost elements that stick out, so the failure says where to look.
    const culprits = [...document.querySelectorAll('main *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .filter((el) => el.parentElement.getBoundingClientRect().right <= width + 1)
      .slice(0, 3)
      .map((el) => `<${el.tagName.toLowerCase()}${el.className ? ` class="${el.className}"` : ''}> ` +
        `${Math.round(el.getBoundingClientRect().width)} px: "${el.textContent.trim().slice(0, 50)}"`);
    return { scroll: document.documentElement.scrollWidth, width, culprits };
  });
  if (wide) {
    fail(page, `at ${PHONE.width} px the page is ${wide.scroll} px wide, wider than the ` +
      `screen: ${wide.culprits.join('; ') || 'outside main'}`);
  }
  const { problems } = await tab.evaluate(layoutFacts);
  for (const problem of problems) fail(page, `at ${PHONE.width} px: ${problem}`);
  for (const problem of await tab.evaluate(diagramCues)) fail(page, `at ${PHONE.width} px: ${problem}`);
  await checkDiagrams(tab, page, `at ${PHONE.width} px`, svgMinText);
}

/**
 * Every diagram that scrolls sideways has a visible cue right under it, and one that fits has
 * none. Runs in the browser, once the page has loaded (theme/diagrams.js places the cues).
 */
function diagramCues() {
  const problems = [];
  for (const paragraph of document.querySelectorAll('main p:has(> a.diagram)')) {
    const scrolls = paragraph.scrollWidth > paragraph.clientWidth + 1;
    const next = paragraph.nextElementSibling;
    const cue = next?.classList.contains('diagram-cue') && next.getClientRects().length > 0;
    const name = paragraph.querySelector('img')?.getAttribute('src');
    if (scrolls && !cue) problems.push(`the diagram ${name} scrolls sideways with no cue under it`);
    if (!scrolls && cue) problems.push(`the diagram ${name} fits, yet its cue says it scrolls`);
  }
  return problems;
}

/**
 * What one page holds, read in the page: its ids and links (for the link check, done once
 * every page is read), and the problems with its admonitions, code blocks and report blocks.
 * Runs in the browser.
 */
function pageFacts() {
  const problems = [];
  const ids = [...document.querySelectorAll('[id]')].map((el) => el.id)
    .concat([...document.querySelectorAll('a[name]')].map((a) => a.name));
  const links = [...document.querySelectorAll('a[href]')].map((a) => a.href)
    .concat([...document.querySelectorAll('main img[src]')].map((img) => img.src));
  const h1 = [...document.querySelectorAll('main h1')].map((h) => h.textContent.trim());

  // Admonitions: rendered by mdbook-admonish, and styled by its stylesheet.
  if (document.querySelector('code.language-admonish') || document.body.innerText.includes('```admonish')) {
    problems.push('an admonish block is shown raw (did mdbook-admonish run?)');
  }
  for (const block of document.querySelectorAll('main .admonition')) {
    const title = block.querySelector(':scope > .admonition-title, :scope > summary');
    const name = title?.textContent.trim() || block.id;
    const style = getComputedStyle(block);
    const titleBackground = title ? getComputedStyle(title).backgroundColor : 'none';
    if (parseFloat(style.borderInlineStartWidth) < 2 || !title ||
        titleBackground === 'rgba(0, 0, 0, 0)' || titleBackground === 'transparent') {
      problems.push(`the admonition "${name}" is not styled (is mdbook-admonish.css loaded?)`);
    }
  }

  // The playground cannot build the listings (no dhat, no toolkit): book.toml turns it off.
  if (document.querySelector('.play-button')) {
    problems.push('a listing has a Run button, but the Rust Playground cannot build it');
  }

  // Code: highlight.js ran on every block, and found tokens in every listing.
  for (const code of document.querySelectorAll('main pre > code')) {
    const start = code.textContent.trim().split('\n')[0].slice(0, 60);
    if (!code.classList.contains('hljs')) {
      problems.push(`a code block is not highlighted: "${start}"`);
      continue;
    }
    const listing = ['language-rust', 'language-python', 'language-c']
      .some((name) => code.classList.contains(name));
    if (listing && code.textContent.trim().includes('\n') &&
        !code.querySelector('[class^="hljs-"], [class*=" hljs-"]')) {
      problems.push(`a listing has no highlighted token: "${start}"`);
    }
  }
  return { ids, links, h1, problems };
}

/** Layout problems seen at the current width: report blocks cut off, hint titles under their arrow. Runs in the browser. */
function layoutFacts() {
  const problems = [];
  // A report or output block wraps: no line's end hides past the column. On a wide screen,
  // so does every listing.
  const wide = window.innerWidth >= 800;
  const blocks = wide ? 'main pre > code' : 'main pre > code:is(.language-text, .language-console)';
  for (const code of document.querySelectorAll(blocks)) {
    if (code.scrollWidth > code.clientWidth + 1) {
      problems.push(`a ${wide ? 'code' : 'text'} block scrolls sideways (${code.scrollWidth} px in ${code.clientWidth}): ` +
        `"${code.textContent.trim().split('\n')[0].slice(0, 60)}"`);
    }
  }
  // A collapsible block's title ends before its arrow.
  for (const summary of document.querySelectorAll('main details > summary')) {
    const arrow = getComputedStyle(summary, '::after');
    if (arrow.content === 'none' || arrow.position !== 'absolute') continue;
    const box = summary.getBoundingClientRect();
    if (box.width === 0) continue;
    const arrowLeft = box.right - parseFloat(arrow.insetInlineEnd || arrow.right) - parseFloat(arrow.width);
    const range = document.createRange();
    range.selectNodeContents(summary);
    const textRight = Math.max(...[...range.getClientRects()].map((r) => r.right));
    if (textRight > arrowLeft + 0.5) {
      problems.push(`the title "${summary.textContent.trim()}" runs under its arrow ` +
        `(text ends at ${Math.round(textRight - box.left)} px, arrow starts at ${Math.round(arrowLeft - box.left)})`);
    }
  }
  return { problems };
}

/**
 * Every diagram's smallest text, as shown: its smallest text at its own size (measured once
 * per SVG, in a tab of its own) times the scale the page shows it at.
 */
async function checkDiagrams(tab, page, when, svgMinText) {
  const shown = await tab.evaluate(() => [...document.querySelectorAll('main img')]
    .filter((img) => new URL(img.src).pathname.endsWith('.svg'))
    .map((img) => ({ src: img.src, width: img.getBoundingClientRect().width,
      natural: img.naturalWidth, loaded: img.complete && img.naturalWidth > 0,
      linked: img.closest('a')?.href === img.src })));
  for (const img of shown) {
    const name = decodeURIComponent(new URL(img.src).pathname.slice(1));
    if (!img.loaded) {
      fail(page, `the diagram ${name} did not load`);
      continue;
    }
    if (!img.linked) fail(page, `the diagram ${name} does not open full size on a tap (theme/diagrams.js)`);
    if (!svgMinText.has(img.src)) svgMinText.set(img.src, await smallestText(tab.context(), img.src));
    const own = svgMinText.get(img.src);
    if (!own) continue;
    const px = own.px * (img.width / img.natural);
    if (px < MIN_TEXT_PX - 0.01) {
      fail(page, `${when}, the diagram ${name} is ${Math.round(img.width)} px wide, so its ` +
        `text "${own.text}" shows at ${px.toFixed(1)} px, under ${MIN_TEXT_PX} px`);
    }
  }
}

/** The smallest text of an SVG shown at its own size: { px, text }, or null if it has none. */
async function smallestText(context, src) {
  const tab = await context.newPage();
  try {
    await tab.goto(src, { waitUntil: 'load' });
    return await tab.evaluate(() => {
      let smallest = null;
      for (const el of document.querySelectorAll('text, tspan')) {
        const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent).join('').trim();
        if (!own) continue;
        const m = el.getScreenCTM();
        const px = parseFloat(getComputedStyle(el).fontSize) * Math.hypot(m.c, m.d);
        if (!smallest || px < smallest.px) smallest = { px, text: own.slice(0, 40) };
      }
      return smallest;
    });
  } finally {
    await tab.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Once for the book

/** Every link of every page leads to a file of the book, and every #anchor to an id there. */
async function checkLinks(origin, visits) {
  let internal = 0;
  let external = 0;
  const status = new Map();
  for (const [page, { links }] of visits) {
    for (const link of new Set(links)) {
      const url = new URL(link);
      if (url.origin !== origin) {
        external += 1;
        continue;
      }
      internal += 1;
      let target = decodeURIComponent(url.pathname.slice(1));
      if (target === '' || target.endsWith('/')) target += 'index.html';
      if (!status.has(target)) status.set(target, fs.existsSync(path.join(bookDir, target)));
      if (!status.get(target)) {
        fail(page, `broken link ${link}: no ${target} in the book`);
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      // The 404 page is shown at any address, so it sets <base href="/">; its heading's own
      // `#anchor` link then leads to the index. That one link is mdBook's, and harmless.
      if (page === '404.html' && target === 'index.html') continue;
      if (!anchor || !target.endsWith('.html')) continue;
      const ids = visits.get(target)?.ids;
      if (ids && !ids.includes(anchor)) fail(page, `broken anchor ${link}: no id "${anchor}" in ${target}`);
    }
  }
  return { internal, external };
}

/** Search, as a reader uses it: type a chapter's title, find that chapter. */
async function checkSearch(context, origin, visits) {
  const chapter = firstChapter(visits);
  const title = visits.get(chapter).h1[0];
  const tab = await open(context, origin, 'introduction.html');
  await tab.locator('#search-toggle').click();
  // mdBook searches on each key: type, as a reader does.
  await tab.locator('#searchbar').pressSequentially(title);
  const found = await tab.waitForFunction(
    (chapter) => [...document.querySelectorAll('#searchresults a')]
      .some((a) => new URL(a.href).pathname.endsWith(chapter)),
    chapter, { timeout: STEP_MS },
  ).then(() => true, () => false);
  checked.add('search');
  if (!found) fail('search', `searching for "${title}" did not list ${chapter}`);
  await tab.screenshot({ path: path.join(outDir, 'search-1280.png') });
}

/** print.html holds every page's title, in order, and the admonitions there are styled. */
async function checkPrint(context, origin, visits) {
  const tab = await open(context, origin, 'print.html');
  const facts = await tab.evaluate(pageFacts);
  for (const problem of facts.problems) fail('print.html', problem);
  const printed = facts.h1;
  const order = [...documentOrder(visits)];
  let at = 0;
  for (const page of order) {
    const title = visits.get(page).h1[0];
    const found = printed.indexOf(title, at);
    if (found < 0) {
      fail('print.html', `does not hold ${page} ("${title}"), or not in the book's order`);
    } else {
      at = found + 1;
    }
  }
}

/**
 * What the printer gets from print.html, for an `attendee` (every hint collapsed to its title,
 * no solution, no instructor block) or an `instructor` (print.html?instructor: every block
 * printed, expanded).
 */
async function checkPrintedFor(context, origin, reader) {
  const page = reader === 'instructor' ? 'print.html?instructor' : 'print.html';
  const tab = await open(context, origin, page);
  await tab.emulateMedia({ media: 'print' });
  const printed = await tab.evaluate(() => {
    const shows = (el) => el.getClientRects().length > 0;
    const body = (d) => [...d.children].filter((c) => c.tagName !== 'SUMMARY');
    const blocks = (selector) => [...document.querySelectorAll(selector)];
    const count = (list, test) => list.filter(test).length;
    const hints = blocks('details.admonish-tip');
    const solutions = blocks('details.admonition[id^="admonition-solution"]');
    const instructors = blocks('details.admonition[id^="admonition-for-instructors"]');
    return {
      hints: hints.length,
      hintTitles: count(hints, (d) => shows(d.querySelector('summary'))),
      hintBodies: count(hints, (d) => body(d).some(shows)),
      solutions: solutions.length,
      solutionsShown: count(solutions, (d) => shows(d) && body(d).some(shows)),
      instructors: instructors.length,
      instructorsShown: count(instructors, (d) => shows(d) && body(d).some(shows)),
    };
  });
  await tab.emulateMedia({ media: null });
  const where = `${page} printed`;
  if (printed.hints === 0 || printed.solutions === 0 || printed.instructors === 0) {
    fail(where, `holds ${printed.hints} hints, ${printed.solutions} solutions and ` +
      `${printed.instructors} instructor blocks; expected some of each`);
    return;
  }
  if (reader === 'attendee') {
    if (printed.hintTitles !== printed.hints || printed.hintBodies > 0) {
      fail(where, `${printed.hintTitles} of ${printed.hints} hint titles print and ` +
        `${printed.hintBodies} hints print expanded: an attendee's print shows each title, collapsed`);
    }
    if (printed.solutionsShown > 0 || printed.instructorsShown > 0) {
      fail(where, `${printed.solutionsShown} solutions and ${printed.instructorsShown} ` +
        'instructor blocks print: an attendee\'s print leaves them out');
    }
  } else if (printed.hintBodies !== printed.hints ||
      printed.solutionsShown !== printed.solutions ||
      printed.instructorsShown !== printed.instructors) {
    fail(where, `an instructor's notes print ${printed.hintBodies} of ${printed.hints} hints, ` +
      `${printed.solutionsShown} of ${printed.solutions} solutions and ` +
      `${printed.instructorsShown} of ${printed.instructors} instructor blocks; expected all, expanded`);
  }
}

/** The dark themes darken every diagram, instead of showing a white panel. */
async function checkDark(context, origin, page, theme) {
  const tab = await open(context, origin, page);
  checked.add(`the ${theme} theme`);
  const lit = await tab.evaluate(() => [...document.querySelectorAll('main img')]
    .filter((img) => new URL(img.src).pathname.endsWith('.svg'))
    .filter((img) => !getComputedStyle(img).filter.includes('invert'))
    .map((img) => new URL(img.src).pathname));
  if (!hasTheme(await tab.evaluate(() => document.documentElement.className), theme)) {
    fail(`the ${theme} theme`, `not applied on ${page}`);
  }
  for (const src of lit) fail(`the ${theme} theme`, `on ${page} the diagram ${src} stays a white panel`);
}

function hasTheme(className, theme) {
  return className.split(/\s+/).includes(theme);
}

/** A screenshot of `page`'s first screen, or of the screen around `at`, a selector. */
async function screenshot(context, origin, page, file, at) {
  const tab = await context.newPage();
  await tab.goto(`${origin}/${page}`, { waitUntil: 'load' });
  await tab.evaluate(() => document.fonts.ready);
  if (at && (await tab.locator(at).count()) > 0) {
    await tab.locator(at).first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
  }
  await tab.screenshot({ path: path.join(outDir, file) });
  await tab.close();
}

/** The first chapter's solution, opened, as a reader sees it. */
async function screenshotSolution(context, origin, visits) {
  const page = firstChapter(visits);
  const tab = await context.newPage();
  await tab.goto(`${origin}/${page}`, { waitUntil: 'load' });
  const solution = tab.locator('details.admonish-success').first();
  if ((await solution.count()) === 0) {
    fail(page, 'no solution block to open');
  } else {
    await solution.locator('summary').click();
    await tab.evaluate(() => document.fonts.ready);
    await solution.screenshot({ path: path.join(outDir, 'solution-open-1280.png') });
  }
  await tab.close();
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** The pages in the sidebar's order, as the introduction's sidebar lists them. */
function documentOrder(visits) {
  const intro = visits.get('introduction.html');
  const order = [];
  for (const link of intro.links) {
    const url = new URL(link);
    const page = decodeURIComponent(url.pathname.slice(1));
    if (!url.hash && visits.has(page) && visits.get(page).h1.length && !order.includes(page)) {
      order.push(page);
    }
  }
  return order;
}

/** The first numbered chapter: a page in a folder, with a solution. */
function firstChapter(visits) {
  const chapter = documentOrder(visits).find((page) => page.includes('/'));
  if (!chapter) throw new Error('the sidebar lists no chapter page');
  return chapter;
}

/** Every .html file of the book, relative to it, with `/` separators. */
function htmlFiles(dir, prefix = '') {
  const files = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...htmlFiles(dir, relative));
    else if (entry.name.endsWith('.html')) files.push(relative);
  }
  return files.sort();
}

/** Serves `dir` on 127.0.0.1, on a port the system picks; resolves to the origin. */
function serve(dir) {
  const types = {
    '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
    '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json',
    '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf', '.eot': 'application/vnd.ms-fontobject',
    '.otf': 'font/otf', '.ico': 'image/x-icon',
  };
  server = http.createServer((request, response) => {
    let file = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (file.endsWith('/')) file += 'index.html';
    const full = path.join(dir, path.normalize(file));
    const inside = full.startsWith(dir + path.sep);
    if (inside && fs.existsSync(full) && fs.statSync(full).isFile()) {
      response.writeHead(200, { 'content-type': types[path.extname(full)] || 'text/plain; charset=utf-8' });
      fs.createReadStream(full).pipe(response);
    } else {
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      fs.createReadStream(path.join(dir, '404.html')).pipe(response);
    }
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`));
  });
}

function parseArgs(argv) {
  const parsed = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) {
      console.error('usage: node check.mjs --book BOOK_DIR --out SCREENSHOT_DIR');
      process.exit(2);
    }
    parsed[argv[i].slice(2)] = argv[i + 1];
  }
  return parsed;
}
