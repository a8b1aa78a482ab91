// Helpers for driving the koodikoe UI in the browser tests.
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import { launch, screenshot } from './browser.mjs';

export const BASE = process.env.KOODIKOE_URL ?? 'http://127.0.0.1:8080';
export const LAPTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };
const AXE = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'node_modules', 'axe-core', 'axe.min.js');

export { launch, screenshot };

/** A new browser context (own cookies and localStorage) and page; page errors fail the test. */
export async function newPage(browser, { viewport = LAPTOP, lang = 'en' } = {}) {
  const context = await browser.newContext({ viewport, locale: lang === 'fi' ? 'fi-FI' : 'en-GB' });
  await context.addInitScript((l) => { if (!localStorage.getItem('kk_lang')) localStorage.setItem('kk_lang', l); }, lang);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  // The server's Content-Security-Policy allows no inline script: the UI must not need any.
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) page.errors.push(m.text());
  });
  page.setDefaultTimeout(20000);
  return page;
}

/** Logs in through the login page; with `lang`, picks that UI language there first (kept on the server too). */
export async function login(page, username, password, lang = 'en') {
  await page.goto(`${BASE}/login`);
  await page.waitForSelector('#login-username');
  if (lang) await page.click(`.lang-switch button[lang=${lang}]`);
  await page.fill('#login-username', username);
  await page.fill('#login-password', password);
  await page.click('form button[type=submit]');
  await page.waitForSelector('nav[aria-label] a[href="/workshops"]');
}

/** Replaces the editor's text (as one insertion, so auto-closing brackets do not interfere). */
export async function setCode(page, code) {
  await page.click('.cm-content');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

/** Waits for the results panel to finish and returns the overall verdict word. */
export async function finalVerdict(page, timeout = 90000) {
  const el = await page.waitForSelector('.results[data-status=done] .overall, .results[data-status=failed]', { timeout });
  return (await el.getAttribute('data-verdict')) ?? 'failed';
}

/** Records every state the results panel passes through, to show that verdicts arrive live. */
export async function watchResults(page) {
  await page.evaluate(() => {
    window.__kkStates = [];
    window.__kkRows = [];
    const seen = () => {
      const r = document.querySelector('.results');
      if (!r) return;
      const state = r.getAttribute('data-status');
      const rows = r.querySelectorAll('.test-row').length;
      const last = window.__kkStates[window.__kkStates.length - 1];
      if (state !== last) window.__kkStates.push(state);
      if (window.__kkRows[window.__kkRows.length - 1] !== rows) window.__kkRows.push(rows);
    };
    new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
    seen();
  });
}

export async function watched(page) {
  return page.evaluate(() => ({ states: window.__kkStates ?? [], rows: window.__kkRows ?? [] }));
}

/** Runs axe-core in the page; fails on serious or critical violations. */
export async function checkA11y(page, name) {
  // Evaluated through the devtools protocol: an inline <script> would break the page's CSP.
  await page.evaluate(fs.readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  fs.mkdirSync(path.resolve(AXE, '../../../artifacts'), { recursive: true });
  fs.writeFileSync(path.resolve(AXE, '../../../artifacts', `axe-${name}.json`), JSON.stringify(result, null, 2));
  assert.deepEqual(bad, [], `${name}: axe found serious/critical violations:\n${JSON.stringify(bad, null, 2)}`);
  return result;
}

/** A short unique suffix so tests can run again against the same database. */
export function unique() { return Date.now().toString(36).slice(-5); }
