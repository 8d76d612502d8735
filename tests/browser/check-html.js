#!/usr/bin/env node
// check-html.js FILE.html... — opens each file in Debian's headless
// Chromium and checks it as a reader's tools would:
//   - axe-core, WCAG 2.1 levels A and AA (tags wcag2a, wcag2aa, wcag21a,
//     wcag21aa): every violation is printed;
//   - the headings: the first is h1, and none is more than one level below
//     the one before (axe's heading-order rule is a "best practice", not a
//     WCAG tag, so it is checked here);
//   - the tables: each has header cells (th), each th with a scope;
//   - reflow (WCAG 2.1 1.4.10, AA, which axe-core does not test): at
//     320 CSS px wide nothing outside a data table reaches past the
//     screen's right edge;
//   - self-contained: the page asks for nothing but itself.
// Prints "FILE: ok" or "FILE: PROBLEM" lines; exits 1 when any file has a
// problem, 2 when the browser or axe-core cannot be run (a missing tool is
// a failure, not a pass).
'use strict';
const fs = require('fs');
const path = require('path');
const url = require('url');

let chromium, axeSource;
try {
    ({ chromium } = require('playwright-core'));
    axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
} catch (e) {
    console.error(`check-html: ${e.message}: run 'npm ci' in tests/browser (quickstart.sh does)`);
    process.exit(2);
}
const BROWSER = process.env.CHROMIUM || '/usr/bin/chromium';

// Runs in the page: the structure checks axe's WCAG tags leave out.
function structureProblems() {
    const out = [];
    const hs = Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'));
    let prev = 0;
    for (const h of hs) {
        const level = Number(h.tagName[1]);
        if (prev === 0 && level !== 1)
            out.push(`the first heading is h${level}, not h1 ("${h.textContent.trim().slice(0, 60)}")`);
        else if (level > prev + 1 && prev !== 0)
            out.push(`heading level skipped: h${prev} then h${level} ("${h.textContent.trim().slice(0, 60)}")`);
        prev = level;
    }
    if (hs.length === 0)
        out.push('no headings');
    document.querySelectorAll('table').forEach((t, i) => {
        const ths = t.querySelectorAll('th');
        if (ths.length === 0)
            out.push(`table ${i + 1} has no header cells (th)`);
        ths.forEach(th => {
            if (!['col', 'row', 'colgroup', 'rowgroup'].includes(th.getAttribute('scope')))
                out.push(`table ${i + 1}: header cell "${th.textContent.trim().slice(0, 40)}" has no scope`);
        });
    });
    if (!document.documentElement.getAttribute('lang'))
        out.push('the html element has no lang');
    if (!document.title.trim())
        out.push('no title');
    return out;
}

// Runs in the page, at 320 CSS px: what reaches past the right edge,
// outside the data tables (which 1.4.10 lets scroll sideways).
function reflowProblems() {
    const out = [];
    const edge = document.documentElement.clientWidth + 1;
    for (const e of document.querySelectorAll('body *')) {
        if (e.closest('table'))
            continue;
        const r = e.getBoundingClientRect();
        if (r.width > 0 && r.right > edge)
            out.push(`at 320px wide, ${e.tagName.toLowerCase()}${e.className ? '.' + e.className.replace(/ /g, '.') : ''} ` +
                     `reaches ${Math.round(r.right)}px ("${(e.textContent || '').trim().slice(0, 40)}")`);
    }
    return out.slice(0, 5);
}

(async () => {
    let browser;
    try {
        browser = await chromium.launch({ executablePath: BROWSER, args: ['--no-sandbox'] });
    } catch (e) {
        console.error(`check-html: cannot start ${BROWSER}: ${e.message.split('\n')[0]}`);
        process.exit(2);
    }
    let bad = 0;
    for (const file of process.argv.slice(2)) {
        const page = await browser.newPage();
        const self = url.pathToFileURL(path.resolve(file)).href;
        const problems = [];
        // Nothing from outside: a request for anything but the file itself
        // is a problem, and is not made.
        await page.route('**/*', route => {
            const u = route.request().url();
            if (u === self)
                return route.continue();
            problems.push(`asks for an outside resource: ${u}`);
            return route.abort();
        });
        await page.goto(self);
        problems.push(...await page.evaluate(structureProblems));
        await page.addScriptTag({ content: axeSource });
        const result = await page.evaluate(() => window.axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        }));
        for (const v of result.violations)
            for (const n of v.nodes)
                problems.push(`axe ${v.id} (${v.impact}): ${v.help}: ${n.target.join(' ')}`);
        await page.setViewportSize({ width: 320, height: 800 });
        problems.push(...await page.evaluate(reflowProblems));
        if (problems.length) {
            bad++;
            for (const p of problems)
                console.log(`${file}: ${p}`);
        } else {
            console.log(`${file}: ok (axe-core ${result.testEngine.version}: ${result.passes.length} rules passed, 0 violations)`);
        }
        await page.close();
    }
    await browser.close();
    process.exit(bad ? 1 : 0);
})().catch(e => {
    console.error(`check-html: ${e.stack || e}`);
    process.exit(2);
});
