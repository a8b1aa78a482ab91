// axe-core on the main pages: no serious or critical violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, checkA11y, launch, login, newPage, screenshot } from '../lib/app.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('candidate pages pass axe-core', async () => {
  const page = await newPage(browser, { lang: 'fi' });
  await page.goto(`${BASE}/login`);
  await page.waitForSelector('#login-username');
  await checkA11y(page, 'login');
  await login(page, 'aino', 'aino-demo', 'fi');
  await page.waitForSelector('.exercise-grid');
  await checkA11y(page, 'catalogue');
  await page.goto(`${BASE}/exercises/hello`);
  await page.waitForSelector('.cm-content');
  await checkA11y(page, 'exercise');
  // A program longer than the editor: its scrolling box must still be reachable by keyboard.
  await page.click('.cm-content');
  await page.keyboard.insertText(Array.from({ length: 80 }, (_, i) => `print(${i})`).join('\n'));
  await checkA11y(page, 'exercise-long-program');
  await page.goto(`${BASE}/progress`);
  await page.waitForSelector('.barchart');
  await checkA11y(page, 'progress');
  await page.goto(`${BASE}/join`);
  await page.waitForSelector('#join-code');
  await checkA11y(page, 'join');
  await page.context().close();
});

test('the editor lets keyboard users out: Esc then Tab', async () => {
  const page = await newPage(browser, { lang: 'en' });
  await login(page, 'aino', 'aino-demo', 'en');
  await page.goto(`${BASE}/exercises/hello`);
  await page.waitForSelector('.cm-content');
  await page.click('.cm-content');
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('cm-content')), 'Tab alone indents inside the editor');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
  assert.equal(focused, 'Run on the examples');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  assert.ok(await page.evaluate(() => document.activeElement?.id === 'language-select' || document.activeElement?.classList.contains('cm-content')));
  await page.context().close();
});

test('trainer pages pass axe-core', async () => {
  const page = await newPage(browser, { lang: 'en' });
  await login(page, 'mikko', 'mikko-demo', 'en');
  await page.goto(`${BASE}/workshops/new`);
  await page.waitForSelector('.pick-list input');
  await checkA11y(page, 'create-workshop');
  await page.goto(`${BASE}/workshops`);
  await page.locator('.card-list a').or(page.getByText('No workshops yet.')).first().waitFor();
  await checkA11y(page, 'workshops');
  const first = page.locator('.card-list a').first();
  if (await first.count()) {
    await first.click();
    await page.locator('.live-table').or(page.getByText('No one has joined yet')).first().waitFor();
    await checkA11y(page, 'live-view');
    await screenshot(page, 'a11y-live-view');
  }
  await page.context().close();
});
