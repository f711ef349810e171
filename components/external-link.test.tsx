// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ExternalLink, safeHttpUrl } from './external-link';

afterEach(cleanup);

describe('safeHttpUrl', () => {
  it.each([
    ['https://app.incident.io/incidents/1', 'https://app.incident.io/incidents/1'],
    ['http://127.0.0.1:8787/x', 'http://127.0.0.1:8787/x'],
    ['javascript:alert(1)', null],
    [' JavaScript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['/relative/path', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected);
  });
});

describe('ExternalLink', () => {
  it('opens http(s) links in a new tab without an opener', () => {
    render(<ExternalLink href="https://app.incident.io/incidents/1">Open in incident.io</ExternalLink>);
    const link = screen.getByRole('link', { name: 'Open in incident.io' });
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('shows any other URL as plain text', () => {
    render(<ExternalLink href="javascript:alert(1)">Open in incident.io</ExternalLink>);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('javascript:alert(1)').tagName).toBe('SPAN');
  });
});
