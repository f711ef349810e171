import { button, h } from './h';
import type { StripModel } from './strip-model';

export interface StripActions {
  /** Opens the side panel on an incident. */
  open(ref: string): void;
  /** Opens the side panel's confirmation for linking this ticket (nothing is written from here). */
  link(): void;
  insertUpdate(ref: string): void;
  dismiss(): void;
}

/**
 * Renders the strip into `container` (inside the shadow root). Every control is a labelled button,
 * so the strip is reachable with Tab and works without a mouse, including the references that the
 * hover cards show on the page.
 */
export function renderStrip(container: HTMLElement, model: StripModel, actions: StripActions): void {
  const doc = container.ownerDocument;
  // The live region survives re-renders, so a message shown in it is announced once and stays.
  const note = container.querySelector('.note') ?? h(doc, 'p', { class: 'note', role: 'status' });
  const rows: HTMLElement[] = [];
  if (model.summary && model.mostSevere) {
    const top = model.mostSevere.reference;
    const row = h(doc, 'div', { class: 'row' },
      h(doc, 'span', { class: 'summary' }, model.summary),
      ...workspaceTag(doc, model.mostSevere),
      button(doc, 'Open', () => actions.open(top), { 'aria-label': `Open ${top} in Incident Copilot` }));
    // A linked incident has its own "Insert update" below: one control per action and incident.
    if (!model.linked.some((incident) => incident.reference === top)) {
      row.append(button(doc, 'Insert update', () => actions.insertUpdate(top), { 'aria-label': `Insert update for ${top}` }));
    }
    rows.push(row);
  }
  // Another workspace's incidents: named with their workspace, no button (its reference would be
  // looked up in the active workspace, where it means another incident or none).
  for (const other of model.elsewhere) {
    rows.push(h(doc, 'div', { class: 'row', role: 'group', 'aria-label': `Open incidents in ${other.workspace}` },
      h(doc, 'span', { class: 'summary' }, `${other.workspace}: ${other.summary}`),
      ...workspaceTag(doc, other.mostSevere)));
  }
  if (model.linked.length > 0) {
    const list = h(doc, 'div', { class: 'row', role: 'group', 'aria-label': 'Linked incidents' }, h(doc, 'span', { class: 'label' }, 'Linked:'));
    for (const incident of model.linked) {
      list.append(
        button(doc, `${refLabel(incident)} ${incident.name}`, () => actions.open(incident.reference), { class: 'name', title: 'Open in Incident Copilot' }),
        button(doc, 'Insert update', () => actions.insertUpdate(incident.reference), { 'aria-label': `Insert update for ${incident.reference}` }),
      );
    }
    rows.push(list);
  }
  if (model.pageRefs.length > 0) {
    const refs = h(doc, 'div', { class: 'row', role: 'group', 'aria-label': 'Incidents mentioned on this page' }, h(doc, 'span', { class: 'label' }, 'On this page:'));
    for (const ref of model.pageRefs) refs.append(button(doc, ref, () => actions.open(ref), { 'aria-label': `Open ${ref} in Incident Copilot` }));
    rows.push(refs);
  }
  rows.push(h(doc, 'div', { class: 'row' },
    button(doc, 'Link this ticket…', actions.link),
    button(doc, '×', actions.dismiss, { class: 'close', 'aria-label': 'Dismiss for this ticket' })));
  container.replaceChildren(
    h(doc, 'section', { class: 'strip panel', role: 'region', 'aria-label': 'Incident Copilot' },
      ...rows,
      note),
  );
}

type Incident = StripModel['linked'][number];
/** "INC-12 · Globex Inc" when the agent has several workspaces, else "INC-12". */
const refLabel = (incident: Incident) => (incident.workspace ? `${incident.reference} · ${incident.workspace}` : incident.reference);
const workspaceTag = (doc: Document, incident: Incident) =>
  (incident.workspace ? [h(doc, 'span', { class: 'label workspace' }, refLabel(incident))] : []);

/** A short outcome message under the strip's buttons ("Copied to the clipboard", …). */
export function showStripNote(container: HTMLElement, text: string): void {
  const note = container.querySelector('.note');
  if (note && note.textContent !== text) note.textContent = text;
}
