// Screenshots of the main pages against a running server (the mock or the
// real one), for looking at the UI by eye: node dev/shots.mjs http://localhost:8080
import { launch, screenshot } from '../lib/browser.mjs';

const base = process.argv[2] ?? 'http://localhost:8080';
const sizes = { laptop: { width: 1366, height: 768 }, phone: { width: 390, height: 844 } };
const browser = await launch();
for (const [sizeName, viewport] of Object.entries(sizes)) {
  const ctx = await browser.newContext({ viewport });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  page.on('console', (m) => { if (m.type() === 'error') console.error('console', m.text()); });
  await page.goto(`${base}/login`);
  await screenshot(page, `dev-${sizeName}-login`);
  await page.fill('#login-username', 'aino');
  await page.fill('#login-password', 'aino-demo');
  await page.click('button[type=submit]');
  await page.waitForSelector('.exercise-grid');
  await screenshot(page, `dev-${sizeName}-catalogue`);
  await page.goto(`${base}/exercises/square`);
  await page.waitForSelector('.cm-content');
  await screenshot(page, `dev-${sizeName}-exercise`);
  await page.click('.cm-content');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('n = int(input())\nprint(n * n)\n');
  await page.getByRole('button', { name: /Aja esimerkeillä|Run on the examples/ }).click();
  await page.waitForSelector('.results[data-status=done]', { timeout: 15000 });
  await screenshot(page, `dev-${sizeName}-run`);
  await page.getByRole('button', { name: /^(Lähetä|Submit)$/ }).click();
  await page.waitForTimeout(1500);
  await screenshot(page, `dev-${sizeName}-judging`);
  await page.waitForSelector('.results[data-status=done]', { timeout: 15000 });
  await screenshot(page, `dev-${sizeName}-submitted`);
  await page.goto(`${base}/progress`);
  await page.waitForSelector('.barchart');
  await screenshot(page, `dev-${sizeName}-progress`);
  await ctx.close();
}
await browser.close();
