// Every kind of exercise answers "Run on the examples" (issue 17), in Finnish and English: the
// HTTP service "Are you alive?" plays its sample scenario and shows what happened in it (never
// "no test was run"), and offers only languages that can serve HTTP; the grader exercise
// "Humidity sensor driver" starts from the package's own starter code (the functions to write,
// no main: the harness has it), which builds and runs on the examples, and "Start over"
// returns to it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BASE, finalVerdict, launch, login, newPage, screenshot, setCode } from '../lib/app.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..', '..');
const HEALTH = path.join(ROOT, 'exercises/fullstack/health/submissions');
const ACCEPTED = fs.readFileSync(path.join(HEALTH, 'accepted/health.py'), 'utf8');
const PLAIN_TEXT = fs.readFileSync(path.join(HEALTH, 'wrong_answer/plain_text.py'), 'utf8');

const TEXT = {
  en: { run: 'Run on the examples', startOver: 'Start over' },
  fi: { run: 'Aja esimerkeillä', startOver: 'Aloita alusta' },
};
const USER = { en: ['aino', 'aino-demo'], fi: ['yusuf', 'yusuf-demo'] };

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function open(lang, exercise) {
  const page = await newPage(browser, { lang });
  await login(page, ...USER[lang], lang);
  await page.goto(`${BASE}/exercises/${exercise}`);
  await page.waitForSelector('.cm-content');
  return page;
}

const options = (page) => page.$$eval('#language-select option', (list) => list.map((o) => o.value));
const editorText = (page) => page.evaluate(() => document.querySelector('.cm-content').innerText);

for (const lang of ['en', 'fi']) {
  test(`kinds (${lang}): a service's run on the examples plays its sample scenario, with feedback`, async () => {
    const page = await open(lang, 'health');
    // Only languages that can serve HTTP with their standard library.
    const offered = await options(page);
    for (const id of ['c', 'cpp', 'rust', 'pascal', 'bash']) assert.ok(!offered.includes(id), `${id} offered: ${offered}`);
    assert.ok(offered.includes('python') && offered.includes('javascript'), String(offered));

    await page.selectOption('#language-select', 'python');
    await setCode(page, ACCEPTED);
    await page.getByRole('button', { name: TEXT[lang].run }).click();
    assert.equal(await finalVerdict(page), 'accepted');
    const rows = page.locator('.test-row');
    assert.equal(await rows.count(), 1);
    assert.match(await rows.first().locator('.test-name').textContent(), /1-health/);
    assert.match(await rows.first().textContent(), lang === 'fi' ? /Kaikki 2 vaihetta onnistuivat/ : /All 2 steps passed/);

    // A server that answers plain text: the scenario's feedback says which step and what came back.
    await setCode(page, PLAIN_TEXT);
    await page.getByRole('button', { name: TEXT[lang].run }).click();
    assert.equal(await finalVerdict(page), 'wrong_answer');
    const row = page.locator('.test-row').first();
    assert.equal(await row.locator('details').getAttribute('open'), '', 'the failing scenario is open');
    const feedback = await row.locator('.feedback').textContent();
    assert.match(feedback, /health/);
    assert.match(feedback, /GET \/health/);
    assert.match(feedback, /text\/plain|Content-Type/i);
    console.log(`screenshot: ${await screenshot(page, `kinds-service-${lang}`)}`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test(`kinds (${lang}): a grader exercise starts from its starter code, which builds and runs`, async () => {
    const page = await open(lang, 'humidity-driver');
    assert.deepEqual((await options(page)).sort(), ['c', 'cpp']);
    for (const language of ['c', 'cpp']) {
      await page.selectOption('#language-select', language);
      await page.waitForFunction(() => document.querySelector('.cm-content')?.innerText.includes('ht_measure'));
      const starter = await editorText(page);
      assert.match(starter, /int ht_init\(uint8_t addr\)/);
      assert.doesNotMatch(starter, /\bmain\s*\(/, 'the harness has main');
      await page.getByRole('button', { name: TEXT[lang].run }).click();
      const verdict = await finalVerdict(page);
      assert.notEqual(verdict, 'compile_error', `${language} starter: ${await page.textContent('.results')}`);
      assert.notEqual(verdict, 'judging_error');
      assert.notEqual(verdict, 'failed');
    }
    console.log(`screenshot: ${await screenshot(page, `kinds-grader-${lang}`)}`);

    // Start over returns to the starter, not to a template with main.
    await setCode(page, '// scratch\n');
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: TEXT[lang].startOver }).click();
    await page.waitForFunction(() => document.querySelector('.cm-content')?.innerText.includes('ht_measure'));
    assert.doesNotMatch(await editorText(page), /\bmain\s*\(/);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}
