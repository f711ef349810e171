import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';

export interface CommandBoxProps {
  onSubmit: (text: string) => void;
  /** Earlier commands, oldest first (Up walks back from the newest, as in a shell). */
  history: readonly string[];
  autoFocus?: boolean;
  busy?: boolean;
}

export function CommandBox({ onSubmit, history, autoFocus = false, busy = false }: CommandBoxProps) {
  const id = useId();
  const [value, setValue] = useState('');
  /** Position in `history` while walking it; null while editing a fresh line. */
  const [index, setIndex] = useState<number | null>(null);
  /** The fresh line, restored when walking past the newest entry. */
  const [typed, setTyped] = useState('');

  function show(next: number | null) {
    setIndex(next);
    setValue(next === null ? typed : (history[next] ?? ''));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowUp' && history.length > 0) {
      event.preventDefault();
      if (index === null) setTyped(value);
      show(index === null ? history.length - 1 : Math.max(0, index - 1));
    } else if (event.key === 'ArrowDown' && index !== null) {
      event.preventDefault();
      show(index + 1 < history.length ? index + 1 : null);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const text = value.trim();
    if (!text || busy) return;
    onSubmit(text);
    setValue('');
    setTyped('');
    setIndex(null);
  }

  return (
    <form className="command-box" onSubmit={submit} aria-label="Copilot">
      <label htmlFor={id}>Ask Copilot</label>
      <div className="inline-field">
        <input
          id={id}
          type="text"
          value={value}
          // The panel opens to this box: agents type before they look.
          autoFocus={autoFocus}
          autoComplete="off"
          placeholder="Mark INC-123 as resolved"
          onChange={(e) => {
            setValue(e.target.value);
            setIndex(null);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="submit" disabled={busy}>
          Ask
        </button>
      </div>
    </form>
  );
}
