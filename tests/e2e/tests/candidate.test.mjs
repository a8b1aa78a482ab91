// A candidate logs in, opens an exercise, runs it on the examples, submits a
// wrong and then a correct solution, and sees the verdicts arrive live.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, checkA11y, finalVerdict, launch, login, newPage, PHONE, screenshot, setCode, watchResults, watched } from '../lib/app.mjs';

const WRONG = 'print(f"Goodbye, {input().strip()}!")\n';
const RIGHT = 'name = input().strip()\nprint(f"Hello, {name}!")\n';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('candidate: wrong then correct submission, verdicts live', async () => {
  const page = await newPage(browser, { lang: 'en' });
  await login(page, 'aino', 'aino-demo');
  // The hello package (the demo also lists 'Hello DOMjudge'): chosen by its address, not its title.
  await page.locator('a.exercise-card[href="/exercises/hello"]').click();
  await page.waitForSelector('.cm-content');
  await page.waitForSelector('.markdown');
  await page.selectOption('#language-select', 'python');
  await screenshot(page, 'candidate-1-exercise');

  // Run on the examples: the program's output is shown beside the expected output.
  await setCode(page, WRONG);
  await page.getByRole('button', { name: 'Run on the examples' }).click();
  assert.equal(await finalVerdict(page), 'wrong_answer');
  await page.waitForSelector('.compare-grid');
  const compare = await page.textContent('.results');
  assert.match(compare, /Expected\s*Hello, World!/);
  // The program's own output is shown beside it when the server reports it (tests[].output).
  if (/Your program printed/.test(compare)) assert.match(compare, /Goodbye, World!/);
  else assert.match(compare, /Goodbye/, 'the judge feedback names what the program printed');
  await screenshot(page, 'candidate-2-run-on-examples');

  // Run with my input: the program's output, no verdict recorded.
  await page.getByRole('button', { name: 'Run with my input' }).click();
  await page.fill('#custom-input', 'Koodikoe\n');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForSelector('.results[data-status=done] .overall', { timeout: 90000 });
  if (await page.locator('.custom-output').count()) {
    assert.match(await page.textContent('.custom-output'), /Goodbye, Koodikoe!/);
  } else {
    // A server that cannot run on custom input says so in a sentence; the page shows it.
    assert.equal(await page.getAttribute('.overall', 'data-verdict'), 'judging_error');
    assert.ok((await page.textContent('.results .note')).length > 10);
  }
  await screenshot(page, 'candidate-2b-run-with-input');

  // A wrong submission: the verdict in plain words with the technical word beside it.
  await watchResults(page);
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  assert.equal(await finalVerdict(page), 'wrong_answer');
  const wrong = await watched(page);
  assert.ok(wrong.states.some((s) => s === 'sending' || s === 'queued' || s === 'judging'), `states seen: ${wrong.states}`);
  assert.equal(wrong.states[wrong.states.length - 1], 'done');
  const overall = await page.textContent('.overall');
  assert.match(overall, /The output is not what was expected/);
  assert.match(overall, /wrong_answer/);
  assert.ok((await page.locator('.test-row').count()) >= 1);
  await screenshot(page, 'candidate-3-wrong-answer');

  // The draft survives a reload.
  await setCode(page, RIGHT);
  await page.waitForSelector('.draft-state .icon');
  await page.reload();
  await page.waitForSelector('.cm-content');
  assert.match(await page.textContent('.cm-content'), /Hello, \{name\}/);

  // A correct submission: every test turns green.
  await watchResults(page);
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  assert.equal(await finalVerdict(page), 'accepted');
  const right = await watched(page);
  assert.ok(right.states.length >= 2, `states seen: ${right.states}`);
  assert.match(await page.textContent('.overall'), /Correct!/);
  const rows = await page.locator('.test-row').count();
  assert.ok(rows >= 1);
  assert.equal(await page.locator('.test-row.tone-good').count(), rows);
  await screenshot(page, 'candidate-4-accepted');
  await checkA11y(page, 'exercise-with-results');

  // History lists both submissions; the progress page counts the solved exercise.
  await page.getByRole('tab', { name: 'My submissions' }).click();
  await page.waitForSelector('table.history tbody tr');
  assert.ok((await page.locator('table.history tbody tr').count()) >= 2);
  await screenshot(page, 'candidate-5-history');
  await page.locator('table.history tbody tr a').first().click();
  await page.waitForSelector('.codeview');
  assert.match(await page.textContent('.codeview'), /Hello/);
  await checkA11y(page, 'submission');
  await screenshot(page, 'candidate-5b-submission');
  await page.goto(`${BASE}/progress`);
  await page.waitForSelector('.barchart');
  assert.match(await page.textContent('main'), /Solved [1-9]\d* of \d+ exercises/);
  await screenshot(page, 'candidate-6-progress');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('candidate: compile errors show line numbers', async () => {
  const page = await newPage(browser, { lang: 'en' });
  await login(page, 'aino', 'aino-demo');
  await page.goto(`${BASE}/exercises/hello`);
  await page.waitForSelector('.cm-content');
  await page.selectOption('#language-select', 'c');
  await setCode(page, '#include <stdio.h>\nint main(void) {\n    printf("Hello\\n")\n    return 0;\n}\n');
  await page.getByRole('button', { name: 'Run on the examples' }).click();
  assert.equal(await finalVerdict(page), 'compile_error');
  const lineRef = page.locator('.compile-output .line-ref').first();
  await lineRef.waitFor();
  assert.match(await lineRef.textContent(), /Line \d+/);
  await lineRef.click();
  await page.waitForSelector('.cm-error-line');
  await screenshot(page, 'candidate-7-compile-error');
  await page.context().close();
});

test('candidate: the exercise page works at phone width', async () => {
  const page = await newPage(browser, { lang: 'fi', viewport: PHONE });
  await login(page, 'aino', 'aino-demo', 'fi');
  await page.goto(`${BASE}/exercises/hello`);
  await page.waitForSelector('.cm-content');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone screen`);
  await screenshot(page, 'phone-exercise');
  await page.context().close();
});
