import type { Page } from 'puppeteer-core';

/** Puppeteer's ARIA selector: an element by role and accessible name (Playwright's getByRole). */
export const byRole = (role: string, name: string) => `::-p-aria([name="${name}"][role="${role}"])`;

/** What the page shows as text, for polling assertions. */
export const pageText = (page: Page) => page.evaluate(() => document.body.innerText);
