// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorAlert } from './error-alert';

afterEach(cleanup);

describe('ErrorAlert', () => {
  it('shows the message and the request id in an alert', () => {
    render(
      <ErrorAlert
        error={{
          kind: 'unauthorized',
          message: 'Unauthorized: generate a new API key in your incident.io account settings (Settings → API keys).',
          requestId: 'abc-123',
        }}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Unauthorized: generate a new API key');
    expect(screen.getByText('Request ID: abc-123')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers "Try again" when a retry is possible, and says when', () => {
    const onRetry = vi.fn();
    render(<ErrorAlert error={{ kind: 'rate_limited', message: 'Slow down.', retryAfterSeconds: 12 }} onRetry={onRetry} />);
    expect(screen.getByText('You can try again in 12 s.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('says the wait and the request ID once, and never "try again in 0 s"', () => {
    render(
      <ErrorAlert
        error={{ kind: 'rate_limited', message: 'incident.io is rate-limiting this key; try again in 2 s. (request ID: r-1)', requestId: 'r-1', retryAfterSeconds: 2 }}
      />,
    );
    const text = screen.getByRole('alert').textContent ?? '';
    expect(text.match(/try again in 2 s/gi)).toHaveLength(1);
    expect(text.match(/r-1/g)).toHaveLength(1);
    cleanup();
    render(<ErrorAlert error={{ kind: 'rate_limited', message: 'Slow down.', retryAfterSeconds: 0 }} />);
    expect(screen.getByRole('alert').textContent).not.toMatch(/0 s/);
  });

  it.each(['', '   ', 'Unknown error', 'unknown error.'])('never shows "Unknown error" (message %j)', (message) => {
    render(<ErrorAlert error={{ kind: 'network', message }} />);
    const text = screen.getByRole('alert').textContent ?? '';
    expect(text).not.toMatch(/unknown error/i);
    expect(text).toContain('Could not reach incident.io');
  });

  it('renders hostile messages as text', () => {
    render(<ErrorAlert error={{ kind: 'server', message: '<img src=x onerror=alert(1)>' }} />);
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
  });
});
