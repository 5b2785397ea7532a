// Layout checks that axe does not make:
//
//   await expectReflow(page);            // no sideways scrolling at 375 CSS px (WCAG 1.4.10)
//   await expectOnePrimaryButton(page);  // at most one filled (primary) button in view
//
// Both look at the page as it is now; expectReflow narrows the viewport for the check and
// puts the old size back afterwards.

import { expect } from '@playwright/test';

/** The narrow width the reflow check uses (a common phone, CSS pixels). */
export const NARROW_WIDTH = 375;

/**
 * What makes the page wider than the viewport (at most `limit`), as short descriptions: the
 * outermost elements reaching past its right edge, and text (a long word, say) that does.
 */
function overflowingElements(limit) {
  const vw = document.documentElement.clientWidth;
  const found = [];
  const describe = (el) => {
    const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}`;
  };
  const range = document.createRange();
  for (const el of document.body.querySelectorAll('*')) {
    if (found.length >= limit) break;
    if (found.some((f) => f.el.contains(el))) continue;
    const r = el.getBoundingClientRect();
    if (r.width <= 1 || r.height <= 1) continue;
    if (r.right > vw + 0.5) {
      found.push({ el, text: `${describe(el)} (right edge ${Math.round(r.right)}px)` });
      continue;
    }
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !node.textContent.trim()) continue;
      range.selectNodeContents(node);
      const right = range.getBoundingClientRect().right;
      if (right > vw + 0.5) {
        found.push({ el, text: `text in ${describe(el)} to ${Math.round(right)}px: ${JSON.stringify(node.textContent.trim().slice(0, 60))}` });
        break;
      }
    }
  }
  return found.map((f) => f.text);
}

/**
 * Fails when the page, laid out `width` CSS pixels wide, scrolls sideways
 * (`document.documentElement.scrollWidth > window.innerWidth`), naming what sticks out.
 * The viewport is set back to its former size afterwards. Works with JavaScript off in
 * the page (Playwright's evaluation does not need the page's scripts).
 */
export async function expectReflow(page, { width = NARROW_WIDTH, height = 800 } = {}) {
  const before = page.viewportSize();
  await page.setViewportSize({ width, height });
  try {
    // One evaluation: the layout at the new size, and what sticks out if anything does.
    const metrics = await page.evaluate(`(() => {
      const scrollWidth = document.documentElement.scrollWidth;
      const innerWidth = window.innerWidth;
      const culprits = scrollWidth > innerWidth ? (${overflowingElements.toString()})(5) : [];
      return { scrollWidth, innerWidth, culprits };
    })()`);
    expect(
      metrics.scrollWidth,
      `${page.url()} scrolls sideways at ${width}px (WCAG 1.4.10 reflow): scrollWidth ${metrics.scrollWidth} > innerWidth ${metrics.innerWidth}; ` +
        `wider than the viewport: ${metrics.culprits.join(', ') || '(none found)'}`,
    ).toBeLessThanOrEqual(metrics.innerWidth);
  } finally {
    if (before) await page.setViewportSize(before);
  }
}

/**
 * Fails when more than one primary (filled) button is visible in <main>: `.button` that is
 * neither `.button--secondary` nor `.button--warning`, links and buttons alike.
 */
export async function expectOnePrimaryButton(page) {
  const primaries = page.locator('main .button:not(.button--secondary):not(.button--warning)').filter({ visible: true });
  const texts = (await primaries.allInnerTexts()).map((t) => t.trim());
  expect(texts.length, `${page.url()}: one primary button per page, found ${texts.length}: ${JSON.stringify(texts)}`).toBeLessThanOrEqual(1);
}
