// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommandBox } from './command-box';
import { ConfirmCard } from './confirm-card';
import { HelpAnswer } from './help-answer';

afterEach(cleanup);

const box = () => screen.getByRole('textbox', { name: 'Ask Copilot' }) as HTMLInputElement;
const key = (k: string) => fireEvent.keyDown(box(), { key: k });

describe('CommandBox', () => {
  it('walks the history with Up/Down and restores the line being typed', () => {
    render(<CommandBox onSubmit={vi.fn()} history={['show INC-1', 'resolve INC-2']} autoFocus />);
    expect(document.activeElement).toBe(box());
    fireEvent.change(box(), { target: { value: 'half' } });
    key('ArrowUp');
    expect(box().value).toBe('resolve INC-2');
    key('ArrowUp');
    expect(box().value).toBe('show INC-1');
    key('ArrowUp');
    expect(box().value).toBe('show INC-1');
    key('ArrowDown');
    expect(box().value).toBe('resolve INC-2');
    key('ArrowDown');
    expect(box().value).toBe('half');
  });

  it('submits on Enter, clears the box, and ignores blank input', () => {
    const onSubmit = vi.fn();
    render(<CommandBox onSubmit={onSubmit} history={[]} />);
    fireEvent.submit(box());
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.change(box(), { target: { value: ' Mark INC-123 as resolved ' } });
    fireEvent.submit(box());
    expect(onSubmit).toHaveBeenCalledWith('Mark INC-123 as resolved');
    expect(box().value).toBe('');
  });
});

describe('ConfirmCard', () => {
  const details = [
    { label: 'Incident', value: 'INC-123 Payments down' },
    { label: 'Status', value: 'Investigating → Closed' },
  ];

  it('shows what will change and takes focus so Enter confirms', () => {
    const onConfirm = vi.fn();
    render(<ConfirmCard title="Resolve INC-123?" details={details} confirmLabel="Resolve" onConfirm={onConfirm} onCancel={vi.fn()} />);
    expect(screen.getByRole('region', { name: 'Resolve INC-123?' }).textContent).toContain('Investigating → Closed');
    const confirm = screen.getByRole('button', { name: 'Resolve' });
    expect(document.activeElement).toBe(confirm);
    fireEvent.click(confirm);
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it('cancels with Escape and disables both buttons while busy', () => {
    const onCancel = vi.fn();
    const { rerender } = render(
      <ConfirmCard title="Declare?" details={details} confirmLabel="Declare" onConfirm={vi.fn()} onCancel={onCancel} />,
    );
    fireEvent.keyDown(screen.getByRole('button', { name: 'Declare' }), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledOnce();
    rerender(<ConfirmCard title="Declare?" details={details} confirmLabel="Declare" onConfirm={vi.fn()} onCancel={onCancel} busy />);
    expect((screen.getByRole('button', { name: 'Declare' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Cancel' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('HelpAnswer', () => {
  it('turns examples into buttons that pick the command', () => {
    const onPick = vi.fn();
    render(<HelpAnswer text="I can look up and update incidents." examples={['Is there a known incident?', 'Mark INC-123 as resolved']} onPick={onPick} />);
    fireEvent.click(screen.getByRole('button', { name: 'Mark INC-123 as resolved' }));
    expect(onPick).toHaveBeenCalledWith('Mark INC-123 as resolved');
  });
});
