// Accessibility check with axe-core: WCAG 2.0/2.1/2.2 level A and AA rules.
//
//   await expectNoA11yViolations(page);
//   await expectNoA11yViolations(page, { include: 'main', disableRules: ['region'] });

import AxeBuilder from '@axe-core/playwright';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page as it is now and returns its result (violations, passes, incomplete...). */
export async function runAxe(page, { include, exclude, disableRules = [], tags = WCAG_TAGS } = {}) {
  let builder = new AxeBuilder({ page }).withTags(tags);
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
  if (result.violations.length) {
    const n = result.violations.length;
    throw new Error(`${n} accessibility violation${n === 1 ? '' : 's'} (WCAG 2.2 AA) on ${page.url()}:\n${formatViolations(result.violations)}`);
  }
  return result;
}
