// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { loadFixture } from '../fixtures/load-fixture';
import { detectAdapter } from '../registry';
import { insertText, PIPELINES, type InsertDeps } from './insert';
import { DEFAULT_STRATEGIES, type InsertStrategy, type StrategyName } from './strategies';
import { EDITORS } from '@/lib/helpdesk/editors/find';

const settle = () => Promise.resolve();
/** One look after a turn, as the real read-back's first look (long enough for the fixtures' own timers: none). */
const waitFor: InsertDeps['waitFor'] = async (check) => { await settle(); return check(); };

/** What the browser's execCommand('insertText') does, for jsdom which has none: text at the caret. */
const browserExecCommand: InsertStrategy = (editable, text) => {
  const range = editable.ownerDocument.getSelection()!.getRangeAt(0);
  range.insertNode(editable.ownerDocument.createTextNode(text));
  return false;
};

/** A synthetic paste as the browser builds it; jsdom has no ClipboardEvent or DataTransfer. */
const jsdomPaste: InsertStrategy = (editable, text) => {
  const event = new (editable.ownerDocument.defaultView!.Event)('paste', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'clipboardData', { value: { getData: (type: string) => (type === 'text/plain' ? text : '') } });
  return !editable.dispatchEvent(event);
};

function withStrategies(overrides: Partial<Record<StrategyName, InsertStrategy>>): InsertDeps {
  return { strategies: { ...DEFAULT_STRATEGIES, ...overrides }, settle, waitFor };
}

function recording(effects: Partial<Record<StrategyName, InsertStrategy>>) {
  const calls: StrategyName[] = [];
  const strategies = Object.fromEntries((Object.keys(DEFAULT_STRATEGIES) as StrategyName[]).map((name) => [
    name, (editable: HTMLElement, text: string) => { calls.push(name); return effects[name]?.(editable, text) ?? false; },
  ])) as Record<StrategyName, InsertStrategy>;
  return { calls, deps: { strategies, settle, waitFor } };
}

describe('insertText into a textarea', () => {
  it('inserts at the end, tells the page through an input event and reads it back', async () => {
    document.body.innerHTML = '<textarea>Hi Alice,</textarea>';
    const textarea = document.querySelector('textarea')!;
    const onInput = vi.fn();
    textarea.addEventListener('input', onInput);
    textarea.setSelectionRange(0, 0); // the agent's caret was elsewhere

    await expect(insertText(textarea, 'Payments are back.')).resolves.toEqual({ ok: true, method: 'setRangeText' });
    expect(textarea.value).toBe('Hi Alice, Payments are back.');
    expect(onInput).toHaveBeenCalledOnce();
    expect(textarea.selectionStart).toBe(textarea.value.length);
    expect(document.activeElement).toBe(textarea);
  });
});

describe('insertText into a contenteditable', () => {
  it('explains why when no strategy works here (jsdom: no execCommand, no ClipboardEvent)', async () => {
    document.body.innerHTML = '<div contenteditable="true"><p>Hi</p></div>';
    const result = await insertText(document.querySelector('div')!, 'Resolved.');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/execCommand: execCommand is unavailable; paste: synthetic paste is unsupported/);
    expect(document.querySelector('div')!.textContent).toBe('Hi');
  });

  it("uses the browser's execCommand at the caret placed at the end", async () => {
    document.body.innerHTML = '<div contenteditable="true"><p>Hi Alice,</p></div>';
    const editor = document.querySelector('div')!;
    await expect(insertText(editor, 'Resolved.', withStrategies({ execCommand: browserExecCommand }))).resolves.toEqual({ ok: true, method: 'execCommand' });
    expect(editor.textContent).toBe('Hi Alice, Resolved.');
  });
});

describe('fallback order', () => {
  it.each([
    ['<div class="ProseMirror" contenteditable="true"></div>', 'prosemirror'],
    ['<div data-slate-editor="true" contenteditable="true"></div>', 'slate'],
    ['<div class="note-editable" contenteditable="true"></div>', 'summernote'],
    ['<div class="ck-editor__editable" contenteditable="true"></div>', 'ckeditor5'],
  ] as const)('%s: tries the pipeline in order until the text reads back', async (html, kind) => {
    document.body.innerHTML = html;
    const pipeline = PIPELINES[kind];
    const last = pipeline[pipeline.length - 1]!;
    const { calls, deps } = recording({ [last]: browserExecCommand });
    await expect(insertText(document.body.firstElementChild!, 'Status update', deps)).resolves.toEqual({ ok: true, method: last });
    expect(calls).toEqual(pipeline);
  });

  it('stops when the text arrived even though the strategy reported an error (no double insert)', async () => {
    document.body.innerHTML = '<div class="ProseMirror" contenteditable="true"></div>';
    const { calls, deps } = recording({ paste: (el, text) => { browserExecCommand(el, text); throw new Error('late error'); } });
    await expect(insertText(document.body.firstElementChild!, 'Status update', deps)).resolves.toEqual({ ok: true, method: 'paste' });
    expect(calls).toEqual(['paste']);
    expect(document.body.textContent).toBe('Status update');
  });

  it('an editor that cancelled the event but never shows the text is not given it a second way', async () => {
    document.body.innerHTML = '<div data-slate-editor="true" contenteditable="true"></div>';
    const { calls, deps } = recording({ beforeinput: () => true, paste: browserExecCommand });
    const result = await insertText(document.body.firstElementChild!, 'Status update', deps);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('took the text (beforeinput) but does not show it') });
    expect(calls).toEqual(['beforeinput']);
  });

  it('an editor left changed by a strategy is not given the text a second way', async () => {
    document.body.innerHTML = '<div class="ProseMirror" contenteditable="true"></div>';
    const { calls, deps } = recording({ paste: (el) => { el.append('Stat'); return false; }, execCommand: browserExecCommand });
    const result = await insertText(document.body.firstElementChild!, 'Status update', deps);
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('changed but the text does not read back (paste)') });
    expect(calls).toEqual(['paste']);
  });

  it('does not count text that was already there as inserted', async () => {
    document.body.innerHTML = '<div contenteditable="true"><p>Status update</p></div>';
    const { deps } = recording({});
    const result = await insertText(document.body.firstElementChild!, 'Status update', deps);
    expect(result.ok).toBe(false);
  });

  it('refuses empty text and non-editors', async () => {
    document.body.innerHTML = '<div contenteditable="true"></div><p>plain</p>';
    await expect(insertText(document.querySelector('div')!, '  ')).resolves.toMatchObject({ ok: false });
    await expect(insertText(document.querySelector('p')!, 'x')).resolves.toEqual({ ok: false, reason: 'The element is not a text editor.' });
  });
});

describe('insertText against the fixtures’ editor models', () => {
  it('Help Scout (Slate): beforeinput goes through the model, as text only, once though drawn ~50 ms late, and enables Send', async () => {
    const { doc, url } = loadFixture('helpscout');
    const editor = detectAdapter(doc, url)!.findReplyEditor(doc, EDITORS)!;
    const text = 'Fixed: <b>INC-123</b> & co';
    await expect(insertText(editor, text)).resolves.toEqual({ ok: true, method: 'beforeinput' });
    await new Promise((resolve) => setTimeout(resolve, 120)); // a late second insert would show by now
    expect(editor.textContent).toBe(text);
    expect(editor.querySelector('b')).toBeNull();
    expect(doc.querySelector<HTMLButtonElement>('[data-cy="SendButton"]')!.disabled).toBe(false);
  });

  it('Zendesk (CKEditor 5): paste is unavailable in jsdom, so beforeinput is next and the model takes it', async () => {
    const { doc, url } = loadFixture('zendesk');
    const editor = detectAdapter(doc, url)!.findReplyEditor(doc, EDITORS)!;
    await expect(insertText(editor, 'We are investigating.')).resolves.toEqual({ ok: true, method: 'beforeinput' });
    expect(doc.querySelector<HTMLButtonElement>('[data-test-id="submit_button-button"]')!.disabled).toBe(false);
  });

  it('Intercom (ProseMirror): a DOM edit behind the model’s back is reverted and does not count', async () => {
    const { doc, url } = loadFixture('intercom');
    const editor = detectAdapter(doc, url)!.findReplyEditor(doc, EDITORS)!;
    const sneaky: InsertStrategy = (el, text) => { el.append(text); return false; };
    const result = await insertText(editor, 'Resolved.', withStrategies({ execCommand: sneaky }));
    expect(result.ok).toBe(false);
    expect(editor.textContent).toBe('');
    await expect(insertText(editor, 'Resolved.', withStrategies({ paste: jsdomPaste }))).resolves.toEqual({ ok: true, method: 'paste' });
    expect(editor.textContent).toBe('Resolved.');
  });

  it('RT (CKEditor 4): inserts into the iframe document’s editable body', async () => {
    const { doc, url } = loadFixture('request-tracker');
    const frame = detectAdapter(doc, url)!.findReplyEditor(doc, EDITORS) as HTMLIFrameElement;
    const seen: Document[] = [];
    const execCommand: InsertStrategy = (el, text) => { seen.push(el.ownerDocument); return browserExecCommand(el, text); };
    await expect(insertText(frame, 'Status: resolved', withStrategies({ execCommand }))).resolves.toEqual({ ok: true, method: 'execCommand' });
    expect(seen).toEqual([frame.contentDocument]);
    expect(frame.contentDocument!.body.textContent).toBe('Status: resolved');
  });
});
