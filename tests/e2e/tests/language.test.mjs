// The language switch changes the UI text, before login (localStorage) and
// after it (stored on the server with PUT /api/v1/me).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, login, newPage, screenshot } from '../lib/app.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('language switch changes the UI text and is remembered', async () => {
  const page = await newPage(browser, { lang: 'fi' });
  await page.goto(`${BASE}/login`);
  await page.waitForSelector('h1');
  assert.equal((await page.textContent('h1')).trim(), 'Kirjaudu sisään');
  assert.equal(await page.getAttribute('html', 'lang'), 'fi');
  await page.click('.lang-switch button[lang=en]');
  assert.equal((await page.textContent('h1')).trim(), 'Log in');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.reload();
  await page.waitForSelector('h1');
  assert.equal((await page.textContent('h1')).trim(), 'Log in', 'kept in localStorage before login');

  await login(page, 'aino', 'aino-demo', 'en');
  assert.equal((await page.textContent('nav')).includes('Exercises'), true);
  await page.click('.lang-switch button[lang=fi]');
  await page.waitForFunction(() => document.querySelector('nav')?.textContent?.includes('Tehtävät'));
  assert.match(await page.textContent('h1'), /Tehtävät/);
  await screenshot(page, 'language-fi');

  // The choice is stored on the server: a fresh browser profile gets it after login.
  const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
  assert.equal(me.language, 'fi');
  const other = await newPage(browser, { lang: 'en' });
  await login(other, 'aino', 'aino-demo', null);
  await other.waitForFunction(() => document.querySelector('nav')?.textContent?.includes('Tehtävät'));
  await page.click('.lang-switch button[lang=en]');
  await page.waitForFunction(() => document.querySelector('nav')?.textContent?.includes('Exercises'));
  await screenshot(page, 'language-en');
  await page.context().close();
  await other.context().close();
});
