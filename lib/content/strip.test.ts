// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { dispatchTrusted } from './features/test-harness';
import { renderStrip, showStripNote, type StripActions } from './strip';
import type { StripModel } from './strip-model';

const model: StripModel = {
  summary: '2 open incidents · most severe: Checkout <b>failing</b> (Critical)',
  mostSevere: { id: '1', reference: 'INC-123', name: 'Checkout <b>failing</b>', severity: 'Critical' },
  linked: [{ id: '1', reference: 'INC-123', name: 'Checkout <b>failing</b>', severity: 'Critical' }],
  elsewhere: [],
  pageRefs: ['INC-123', 'INC-456'],
};

function setup() {
  const container = document.createElement('div');
  document.body.replaceChildren(container);
  const actions: StripActions = { open: vi.fn(), link: vi.fn(), insertUpdate: vi.fn(), dismiss: vi.fn() };
  renderStrip(container, model, actions);
  const buttons = (name: string) => [...container.querySelectorAll('button')].filter((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
  return { container, actions, buttons };
}

/** A click as the browser delivers real input (jsdom marks script-dispatched events untrusted). */
const trustedClick = (el: Element) => dispatchTrusted(el, new MouseEvent('click', { bubbles: true }));

describe('renderStrip', () => {
  it('shows the summary, links and page references as labelled buttons, incident text as text', () => {
    const { container, buttons } = setup();
    expect(container.querySelector('[role="region"]')?.getAttribute('aria-label')).toBe('Incident Copilot');
    expect(container.textContent).toContain('2 open incidents · most severe: Checkout <b>failing</b> (Critical)');
    expect(container.querySelector('b')).toBeNull();
    expect(buttons('Open INC-456 in Incident Copilot')).toHaveLength(1);
    expect(buttons('Insert update for INC-123')).toHaveLength(1);
    expect(buttons('Dismiss for this ticket')).toHaveLength(1);
    expect(buttons('Link this ticket…')).toHaveLength(1);
  });

  it('acts on the agent’s clicks and ignores clicks a page script fakes', () => {
    const { actions, buttons } = setup();
    const open456 = buttons('Open INC-456 in Incident Copilot')[0]!;
    open456.click(); // what a help-desk script could do through the open shadow root
    expect(actions.open).not.toHaveBeenCalled();
    trustedClick(open456);
    expect(actions.open).toHaveBeenCalledWith('INC-456');
    trustedClick(buttons('Link this ticket…')[0]!);
    expect(actions.link).toHaveBeenCalledOnce();
    trustedClick(buttons('Insert update for INC-123')[0]!);
    expect(actions.insertUpdate).toHaveBeenCalledWith('INC-123');
  });

  it('offers "Insert update" for the most severe incident when the ticket is not linked to it, once', () => {
    const container = document.createElement('div');
    const actions: StripActions = { open: vi.fn(), link: vi.fn(), insertUpdate: vi.fn(), dismiss: vi.fn() };
    renderStrip(container, { ...model, linked: [] }, actions);
    const insert = [...container.querySelectorAll('button')].filter((b) => b.getAttribute('aria-label') === 'Insert update for INC-123');
    expect(insert).toHaveLength(1);
    trustedClick(insert[0]!);
    expect(actions.insertUpdate).toHaveBeenCalledWith('INC-123');
  });

  it('keeps its status message across re-renders', () => {
    const { container, actions } = setup();
    showStripNote(container, 'Copied to the clipboard.');
    renderStrip(container, { ...model, pageRefs: [] }, actions);
    expect(container.querySelector('[role="status"]')?.textContent).toBe('Copied to the clipboard.');
  });

  it('names each incident’s workspace and offers no action on another workspace’s', () => {
    const container = document.createElement('div');
    const actions: StripActions = { open: vi.fn(), link: vi.fn(), insertUpdate: vi.fn(), dismiss: vi.fn() };
    renderStrip(container, {
      summary: '1 open incident · most severe: Checkout failing (Critical)',
      mostSevere: { id: '1', reference: 'INC-1', name: 'Checkout failing', severity: 'Critical', workspace: 'Acme' },
      linked: [],
      elsewhere: [{
        workspace: 'Globex Inc', summary: '1 open incident · most severe: Payments down (Major)',
        mostSevere: { id: '2', reference: 'INC-1', name: 'Payments down', severity: 'Major', workspace: 'Globex Inc' },
      }],
      pageRefs: [],
    }, actions);
    expect(container.textContent).toContain('INC-1 · Acme');
    const globex = container.querySelector('[role="group"][aria-label="Open incidents in Globex Inc"]');
    expect(globex?.textContent).toBe('Globex Inc: 1 open incident · most severe: Payments down (Major)INC-1 · Globex Inc');
    // INC-1 means another incident in the active workspace: the Globex row has no button.
    expect(globex?.querySelectorAll('button')).toHaveLength(0);
    expect([...container.querySelectorAll('button')].filter((b) => b.getAttribute('aria-label') === 'Open INC-1 in Incident Copilot')).toHaveLength(1);
  });
});
