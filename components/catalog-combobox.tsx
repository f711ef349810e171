import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export type CatalogChoice = { id: string; name: string };
export type CatalogSearch = (query: string) => Promise<CatalogChoice[]>;

/** Keystrokes within this pause are one search: typing "Acme" asks once, not four times. */
export const SEARCH_DEBOUNCE_MS = 250;

export interface CatalogComboboxProps {
  /** The input's id, for the visible label; the accessible name is `label` (the field's name). */
  inputId: string;
  label: string;
  describedBy?: string;
  invalid?: boolean;
  chosen: readonly CatalogChoice[];
  multiple: boolean;
  onChange: (chosen: CatalogChoice[]) => void;
  search: CatalogSearch;
}

/**
 * A searchable catalog field (ARIA combobox pattern, list autocomplete): typing searches the catalog
 * through `search` (one page of matches), up/down move through the matches, Enter picks, Escape closes.
 * Only the matches are ever held, never the catalog.
 */
export function CatalogCombobox({ inputId, label, describedBy, invalid, chosen, multiple, onChange, search }: CatalogComboboxProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<CatalogChoice[]>([]);
  const [active, setActive] = useState(-1);
  const [state, setState] = useState<'idle' | 'searching' | 'failed'>('idle');
  const asked = useRef(0);

  useEffect(() => {
    if (!open) return;
    const mine = ++asked.current;
    setState('searching');
    const timer = setTimeout(() => {
      search(query).then(
        (entries) => {
          if (asked.current !== mine) return; // an older answer never replaces a newer query's
          setResults(entries);
          setActive(entries.length ? 0 : -1);
          setState('idle');
        },
        () => asked.current === mine && setState('failed'),
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [open, query, search]);

  const pick = (entry: CatalogChoice) => {
    const next = multiple ? [...chosen.filter((c) => c.id !== entry.id), entry] : [entry];
    onChange(next);
    setQuery('');
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) setOpen(true);
      else setActive((i) => Math.min(i + 1, results.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter') {
      // Enter picks; it never submits the form from inside an open list.
      if (open) {
        event.preventDefault();
        const entry = results[active];
        if (entry) pick(entry);
      }
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        event.stopPropagation();
        setOpen(false);
      } else setQuery('');
    }
  };

  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const expanded = open && results.length > 0;
  return (
    <div className="combobox">
      {chosen.length > 0 && (
        <ul className="chosen" aria-label={`${label}: chosen`}>
          {chosen.map((entry) => (
            <li key={entry.id}>
              {entry.name}{' '}
              <button type="button" className="link" aria-label={`Remove ${entry.name}`} onClick={() => onChange(chosen.filter((c) => c.id !== entry.id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={inputId}
        type="text"
        role="combobox"
        aria-label={label}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid ? true : undefined}
        autoComplete="off"
        placeholder="Search…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul id={listId} role="listbox" aria-label={`${label} matches`} hidden={!expanded}>
        {results.map((entry, i) => (
          <li
            key={entry.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            // mousedown, not click: the input's blur would close the list first.
            onMouseDown={(e) => {
              e.preventDefault();
              pick(entry);
            }}
          >
            {entry.name}
          </li>
        ))}
      </ul>
      {open && state === 'idle' && results.length === 0 && query.trim() !== '' && <p className="hint" role="status">No matches</p>}
      {open && state === 'failed' && <p className="hint" role="status">Couldn’t search the catalog</p>}
    </div>
  );
}
