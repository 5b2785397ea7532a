// Accessibility check with axe-core: WCAG 2.0/2.1/2.2 level A and AA rules.
//
//   await expectNoA11yViolations(page);
//   await expectNoA11yViolations(page, { include: 'main', disableRules: ['region'] });
//   await expectNoA11yViolations(page, { legacyMode: true });   // faster, see runAxe
//   await expectNoA11yViolationsInCopy(noJsPage, jsContext);     // page with JavaScript off

import AxeBuilder from '@axe-core/playwright';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe on the page as it is now and returns its result (violations, passes, incomplete...).
 * `legacyMode: true` runs axe in the page itself instead of per frame plus a finishing run in
 * a new blank page: the same rules and results for pages without iframes, in about half the
 * time (the story tests run axe on every page they show).
 */
export async function runAxe(page, { include, exclude, disableRules = [], tags = WCAG_TAGS, legacyMode = false } = {}) {
  let builder = new AxeBuilder({ page }).withTags(tags);
  if (legacyMode) builder = builder.setLegacyMode(true);
  if (include) builder = builder.include(include);
  if (exclude) builder = builder.exclude(exclude);
  if (disableRules.length) builder = builder.disableRules(disableRules);
  return builder.analyze();
}

/** Human-readable list of axe violations: rule id, impact, help text, failing nodes. */
export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => {
          const summary = (n.failureSummary || '').split('\n').map((s) => s.trim()).filter(Boolean).slice(1, 3).join(' / ');
          return `      - ${n.target.join(' ')}${summary ? `  (${summary})` : ''}`;
        })
        .join('\n');
      return `  * ${v.id} [${v.impact}]: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/** Fails (throws) when axe finds WCAG 2.2 AA violations, listing each with its nodes. */
export async function expectNoA11yViolations(page, options = {}) {
  const result = await runAxe(page, options);
  throwOnViolations(result, page.url());
  return result;
}

function throwOnViolations(result, url, note = '') {
  if (result.violations.length) {
    const n = result.violations.length;
    throw new Error(`${n} accessibility violation${n === 1 ? '' : 's'} (WCAG 2.2 AA) on ${url}${note}:\n${formatViolations(result.violations)}`);
  }
}

/**
 * The axe check for a page of a context with `javaScriptEnabled: false`, where axe cannot run
 * (its timers never fire): the page's current DOM is loaded at the same URL into a scratch
 * page of `checkerContext` (a context with JavaScript on), with the same stylesheets and
 * every script of the site blocked, so axe sees what the user without JavaScript sees.
 */
export async function expectNoA11yViolationsInCopy(page, checkerContext, options = {}) {
  const html = await page.content();
  const url = page.url();
  const scratch = await checkerContext.newPage();
  try {
    await scratch.route('**/*', (route) => {
      const req = route.request();
      if (req.isNavigationRequest() && req.frame() === scratch.mainFrame()) {
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      }
      if (req.resourceType() === 'script') {
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: '' });
      }
      return route.continue();
    });
    await scratch.goto(url);
    const result = await runAxe(scratch, options);
    throwOnViolations(result, url, ' (copy of the page as shown without JavaScript)');
    return result;
  } finally {
    await scratch.close();
  }
}
