// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, fixtureUrl, loadFixture } from '../fixtures/load-fixture';
import { ADAPTERS, detectAdapter } from '../registry';
import { EDITORS } from '@/lib/helpdesk/editors/find';

/**
 * What every desk adapter file keeps, so adding a desk is one file plus its fixture (the
 * refined-github way): registered, a `Test URLs` block of real ticket URLs it reads, and a saved
 * page it detects.
 */
const dir = import.meta.dirname;
const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe.each(files)('adapters/%s', (file) => {
  const source = readFileSync(join(dir, file), 'utf8');
  const id = /\bid: '([a-z-]+)'/.exec(source)?.[1];
  const adapter = ADAPTERS.find((a) => a.id === id);

  it('is registered', () => {
    expect(id, 'names its id').toBe(file.replace(/\.ts$/, ''));
    expect(adapter).toBeDefined();
  });

  it('lists real ticket URLs in a /* Test URLs */ block, each read as a ticket', () => {
    const block = /\/\* Test URLs\n([\s\S]*?)\*\//.exec(source)?.[1];
    const urls = (block ?? '').split('\n').map((line) => line.trim()).filter((line) => /^https?:\/\//.test(line));
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(adapter?.ticketIdFromUrl(new URL(url)), url).not.toBeNull();
  });

  it('has a saved page that it is detected on', () => {
    expect(FIXTURES).toContain(id);
    const { doc } = loadFixture(id as (typeof FIXTURES)[number]);
    expect(detectAdapter(doc, new URL(fixtureUrl(id as (typeof FIXTURES)[number])))?.id).toBe(id);
  });

  it('finds the send button inside a composer area that holds the reply editor (the UI keeps clear of both)', () => {
    const { doc } = loadFixture(id as (typeof FIXTURES)[number]);
    const send = adapter!.sendButton(doc, EDITORS);
    const composer = adapter!.composerArea(doc, EDITORS);
    expect(send?.matches('button, input[type="submit"]'), 'a button').toBe(true);
    expect(send?.textContent?.trim() || send?.getAttribute('value')).toMatch(/send|submit|post|update/i);
    expect(composer?.contains(adapter!.findReplyEditor(doc, EDITORS))).toBe(true);
  });
});
