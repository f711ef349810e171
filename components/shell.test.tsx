// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { formatAge, formatAgo } from './relative-time';
import { Spinner } from './spinner';
import { Tabs } from './tabs';

afterEach(cleanup);

const sections = [
  { id: 'incidents', label: 'Incidents' },
  { id: 'declare', label: 'Declare' },
  { id: 'settings', label: 'Settings' },
] as const;

function Shell() {
  const [tab, setTab] = useState<(typeof sections)[number]['id']>('incidents');
  return (
    <Tabs label="Sections" tabs={sections} selected={tab} onSelect={setTab}>
      <p>Content of {tab}</p>
    </Tabs>
  );
}

describe('Tabs', () => {
  it('moves and selects with the arrow keys, Home and End, wrapping around', () => {
    render(<Shell />);
    const tab = (name: string) => screen.getByRole('tab', { name });
    expect(tab('Incidents').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'Incidents' }).textContent).toBe('Content of incidents');
    fireEvent.keyDown(tab('Incidents'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tab('Declare'));
    expect(tab('Declare').getAttribute('aria-selected')).toBe('true');
    expect(tab('Incidents').tabIndex).toBe(-1);
    fireEvent.keyDown(tab('Declare'), { key: 'End' });
    expect(document.activeElement).toBe(tab('Settings'));
    fireEvent.keyDown(tab('Settings'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(tab('Incidents'));
    fireEvent.keyDown(tab('Incidents'), { key: 'ArrowLeft' });
    expect(screen.getByRole('tabpanel', { name: 'Settings' }).textContent).toBe('Content of settings');
  });
});

describe('Spinner', () => {
  it('announces its text as a status', () => {
    render(<Spinner label="Loading incidents…" />);
    expect(screen.getByRole('status').textContent).toBe('Loading incidents…');
  });
});

describe('relative times', () => {
  it.each([
    [30_000, '<1 min'],
    [12 * 60_000, '12 min'],
    [3 * 3_600_000 + 59 * 60_000, '3 h'],
    [2 * 86_400_000 + 5, '2 d'],
    [-60_000, '<1 min'],
  ])('%i ms old is "%s"', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });

  it('says "just now" for the last minute, else "… ago"', () => {
    expect(formatAgo(10_000)).toBe('just now');
    expect(formatAgo(5 * 60_000)).toBe('5 min ago');
  });
});
