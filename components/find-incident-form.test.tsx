// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FindIncidentForm } from './find-incident-form';

afterEach(cleanup);

describe('FindIncidentForm', () => {
  it('passes the trimmed input on "Find" and ignores blank input', () => {
    const onFind = vi.fn();
    render(<FindIncidentForm onFind={onFind} />);
    const find = screen.getByRole('button', { name: 'Find' });
    fireEvent.click(find);
    expect(onFind).not.toHaveBeenCalled();
    fireEvent.change(screen.getByRole('textbox', { name: 'Find incident' }), { target: { value: '  #123 ' } });
    fireEvent.click(find);
    expect(onFind).toHaveBeenCalledWith('#123');
  });

  it('shows the lookup error', () => {
    render(
      <FindIncidentForm
        onFind={vi.fn()}
        error={{ kind: 'not_found', message: 'Incident not found: confirm the incident ID is correct. incident.io IDs look like INC-123.' }}
      />,
    );
    expect(screen.getByRole('alert').textContent).toContain('Incident not found');
  });
});
