import { useState, type FormEvent } from 'react';
import { flattenMarkdown } from '@/lib/helpdesk/flatten-markdown';
import type { ErrorInfo } from '@/lib/incident-io/errors';
import { PUBLIC_STATUSES, type StatusPage } from '@/lib/incident-io/schemas';
import { ConfirmCard } from './confirm-card';
import { ErrorAlert } from './error-alert';

export type PublicStatus = (typeof PUBLIC_STATUSES)[number];
export type PublishRequest = { statusPageId: string; name: string; status: PublicStatus; message: string; notifySubscribers: boolean };

export interface StatusPageFormProps {
  /** Publish a new status page incident (with pages and title), or post an update to one (without). */
  mode: 'publish' | 'update';
  reference: string;
  isPrivate: boolean;
  defaultTitle: string;
  pages: readonly StatusPage[];
  /** For updates: the page and public name customers already see. */
  current?: { pageName: string; name: string; status: string };
  onSubmit: (request: PublishRequest) => void;
  onCancel: () => void;
  busy: boolean;
  error: ErrorInfo | null;
  /** Offered only when a retry can't post twice (see the background's re-read after unknown outcomes). */
  canRetry: boolean;
}

/** "Publish to status page" / "Post public update": the form, a plain preview, and a confirmation of exactly what customers read. */
export function StatusPageForm(props: StatusPageFormProps) {
  const { mode, reference, isPrivate, pages, current } = props;
  const [pageId, setPageId] = useState(pages[0]?.id ?? '');
  // A private incident's name is never offered for the public page.
  const [name, setName] = useState(isPrivate ? '' : props.defaultTitle);
  const [status, setStatus] = useState<PublicStatus>('investigating');
  const [message, setMessage] = useState('');
  const [notify, setNotify] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const plain = flattenMarkdown(message);
  const pageName = mode === 'update' ? current?.pageName ?? '' : pages.find((p) => p.id === pageId)?.name ?? '';
  const publicName = mode === 'update' ? current?.name ?? '' : name.trim();
  const ready = plain !== '' && publicName !== '' && (mode === 'update' || pageId !== '');
  const request = (): PublishRequest => ({ statusPageId: pageId, name: publicName, status, message: message.trim(), notifySubscribers: notify });
  const action = mode === 'publish' ? 'Publish to status page' : 'Post public update';

  function submit(event: FormEvent) {
    event.preventDefault();
    if (ready) setConfirming(true);
  }

  if (confirming) {
    return (
      <>
        <ConfirmCard
          title={`${action} for ${reference}? Customers will read:`}
          details={[
            { label: 'Status page', value: pageName },
            { label: 'Public title', value: publicName },
            { label: 'Status', value: status },
            { label: 'Message', value: plain },
            { label: 'Notify subscribers', value: notify ? 'Yes: subscribers get an email' : 'No' },
            ...(isPrivate ? [{ label: 'Private incident', value: `${reference} is private: only the public title and message above are published.` }] : []),
          ]}
          confirmLabel={mode === 'publish' ? 'Publish' : 'Post update'}
          onConfirm={() => props.onSubmit(request())}
          onCancel={() => setConfirming(false)}
          busy={props.busy}
        />
        {props.error && <ErrorAlert error={props.error} {...(props.canRetry ? { onRetry: () => props.onSubmit(request()) } : {})} />}
      </>
    );
  }

  return (
    <form className="status-page-form" aria-label={action} onSubmit={submit}>
      {isPrivate && <p role="note">{reference} is private: its name and summary are not published. Write what customers may read.</p>}
      {mode === 'publish' ? (
        <>
          <label>
            Status page
            <select value={pageId} onChange={(e) => setPageId(e.target.value)}>
              {pages.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </label>
          <label>
            Public title
            <input value={name} onChange={(e) => setName(e.target.value)} />
          </label>
        </>
      ) : <p>On {current?.pageName}: {current?.name} ({current?.status})</p>}
      <label>
        Status
        <select value={status} onChange={(e) => setStatus(e.target.value as PublicStatus)}>
          {PUBLIC_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </label>
      <label>
        Message
        <textarea value={message} onChange={(e) => setMessage(e.target.value)} rows={4} />
      </label>
      <section aria-label="Preview">
        <h4>Preview</h4>
        <p>{plain || 'Nothing to publish yet.'}</p>
      </section>
      <label>
        <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} />
        Notify subscribers
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={!ready}>Review</button>
        <button type="button" onClick={props.onCancel}>Cancel</button>
      </div>
    </form>
  );
}
