import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { CommandBox } from '@/components/command-box';
import { ConfirmCard } from '@/components/confirm-card';
import { ErrorAlert } from '@/components/error-alert';
import { HelpAnswer } from '@/components/help-answer';
import { Spinner } from '@/components/spinner';
import type { CopilotCommand, SeverityLevel } from '@/lib/copilot/parse';
import type { ErrorInfo } from '@/lib/incident-io/errors';
import type { IncidentRef } from '@/lib/incident-io/reference';
import type { Incident, IncidentStatus, Severity } from '@/lib/incident-io/schemas';
import { checkStatusMove, statusForTarget } from '@/lib/incident-io/status-words';
import { send } from '@/lib/messaging/send';
import { queries } from '@/lib/queries/keys';
import { commandHistoryItem } from '@/lib/storage';
import { formatClock } from '@/lib/time-format';
import { errorInfo } from './errors';
import { applyDeclarePrefill } from './intents';
import { useOrg } from './use-org';

type Answer =
  /** `asOf`: when the data was fetched (after the question, or under 2 s before it); `error` when it could not be. */
  | { kind: 'list'; keywords: string[]; incidents: Incident[]; asOf: number | null; error?: ErrorInfo }
  | { kind: 'incident'; incident: Incident; asOf: number }
  | { kind: 'confirm'; incident: Incident; status: IncidentStatus }
  | { kind: 'done'; text: string }
  | { kind: 'help'; reason: string; examples: readonly string[] }
  | { kind: 'error'; error: ErrorInfo };

const HISTORY_LIMIT = 50;
const refText = (ref: IncidentRef) => (ref.kind === 'number' ? ref.reference : ref.id);

/** "sev1"/"critical" → the org's most severe level, "minor" → its least; by name when the org uses these names. */
export function severityFor(level: SeverityLevel, severities: readonly Severity[]): Severity | undefined {
  const byName = severities.find((s) => s.name.toLowerCase() === level);
  if (byName) return byName;
  const ranked = [...severities].sort((a, b) => b.rank - a.rank);
  return level === 'critical' ? ranked[0] : level === 'minor' ? ranked.at(-1) : ranked[Math.min(1, ranked.length - 1)];
}

const matchesKeywords = (incident: Incident, keywords: string[]) =>
  keywords.length === 0 ||
  keywords.some((word) => `${incident.name} ${incident.summary ?? ''}`.toLowerCase().includes(word.toLowerCase()));

/** The "Ask Copilot" box: plain language in, an answer or a confirmation card out. Writes wait for the agent. */
export function CopilotView({ onOpenIncident, onDeclare }: { onOpenIncident: (ref: string) => void; onDeclare: () => void }) {
  const queryClient = useQueryClient();
  const org = useOrg();
  const [history, setHistory] = useState<string[]>([]);
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => void commandHistoryItem.get().then(setHistory), []);

  const run = useMutation({
    mutationFn: async (text: string) => {
      // The parser is only needed once the agent asks something: it loads then, not with the panel.
      const { parseCommand, EXAMPLE_COMMANDS } = await import('@/lib/copilot/parse');
      return answerFor(parseCommand(text, { statusNames: org.statuses.map((s) => s.name) }), EXAMPLE_COMMANDS);
    },
    onSuccess: setAnswer,
    onError: (error) => setAnswer({ kind: 'error', error: errorInfo(error)! }),
  });
  const confirm = useMutation({
    mutationFn: ({ incident, status }: { incident: Incident; status: IncidentStatus }) =>
      send('incidents/set-status', { incidentId: incident.id, target: status.id, notify: false }),
    onSuccess: async ({ incident }) => {
      setAnswer({ kind: 'done', text: `${incident.reference} is now ${incident.incident_status.name}.` });
      await queryClient.invalidateQueries({ queryKey: queries.allIncidents().queryKey });
    },
  });

  async function answerFor(command: CopilotCommand, exampleCommands: readonly string[]): Promise<Answer | null> {
    switch (command.kind) {
      case 'help':
        return { kind: 'help', reason: command.reason, examples: command.examples.length ? command.examples : exampleCommands };
      case 'list_open': {
        // Never the panel's cached list: the shared refresh, joined or started now (the panel's list
        // gets the same result through the storage watch).
        const open = await send('incidents/open', { revalidate: true });
        return {
          kind: 'list', keywords: command.keywords, asOf: open.fetchedAt, ...(open.error ? { error: open.error } : {}),
          incidents: open.incidents.filter((i) => matchesKeywords(i, command.keywords)),
        };
      }
      case 'show':
        return { kind: 'incident', incident: (await send('incidents/get', { ref: refText(command.ref) })).incident, asOf: Date.now() };
      case 'declare': {
        const severity = command.severity && severityFor(command.severity, org.severities);
        await applyDeclarePrefill({ name: command.name, severityId: severity?.id });
        onDeclare();
        return null;
      }
      case 'set_status': {
        if (!org.capabilities?.canEdit) {
          return { kind: 'error', error: { kind: 'forbidden', message: org.capabilities?.editReason ?? 'This key cannot change incidents.' } };
        }
        const { incident } = await send('incidents/get', { ref: refText(command.ref) });
        const target = statusForTarget(command.target, org.statuses, org.mapping);
        if ('error' in target) return { kind: 'error', error: { kind: 'bad_input', message: target.error } };
        const move = checkStatusMove(incident.incident_status, target.status, incident.reference);
        if (!move.allowed) return { kind: 'error', error: { kind: 'not_allowed', message: move.reason } };
        return { kind: 'confirm', incident, status: target.status };
      }
    }
  }

  function submit(text: string) {
    const next = [...history.filter((entry) => entry !== text), text].slice(-HISTORY_LIMIT);
    setHistory(next);
    void commandHistoryItem.set(next);
    confirm.reset();
    run.mutate(text);
  }

  return (
    <section className="copilot" aria-label="Copilot">
      <CommandBox onSubmit={submit} history={history} autoFocus busy={run.isPending} />
      {run.isPending && <Spinner label="Looking that up…" />}
      {!run.isPending && answer && (
        <CopilotAnswer
          answer={answer}
          onOpen={(incident) => onOpenIncident(incident.reference)}
          onPick={submit}
          onConfirm={(incident, status) => confirm.mutate({ incident, status })}
          onCancel={() => setAnswer({ kind: 'done', text: 'Cancelled: nothing was changed.' })}
          busy={confirm.isPending}
          error={errorInfo(confirm.error)}
        />
      )}
    </section>
  );
}

interface CopilotAnswerProps {
  answer: Answer;
  onOpen: (incident: Incident) => void;
  onPick: (example: string) => void;
  onConfirm: (incident: Incident, status: IncidentStatus) => void;
  onCancel: () => void;
  busy: boolean;
  error: ErrorInfo | null;
}

function CopilotAnswer({ answer, onOpen, onPick, onConfirm, onCancel, busy, error }: CopilotAnswerProps) {
  switch (answer.kind) {
    case 'help':
      return <HelpAnswer text={answer.reason} examples={answer.examples} onPick={onPick} />;
    case 'error':
      return <ErrorAlert error={answer.error} />;
    case 'done':
      return <p role="status" className="copilot-answer">{answer.text}</p>;
    case 'incident': {
      const { incident } = answer;
      return (
        <div role="status" className="copilot-answer">
          <p>
            {incident.reference} “{incident.name}” is <strong>{incident.incident_status.name}</strong>
            {incident.severity ? ` (${incident.severity.name})` : ''} as of {formatClock(answer.asOf)}.
          </p>
          <button type="button" className="link-button" onClick={() => onOpen(incident)}>Open {incident.reference}</button>
        </div>
      );
    }
    case 'list': {
      const asOf = answer.asOf === null ? '' : `, as of ${formatClock(answer.asOf)}`;
      return (
        <div role="status" className="copilot-answer">
          {answer.error && (
            <ErrorAlert error={{ ...answer.error, message: `Could not check incident.io now, so this is the last known list. ${answer.error.message}` }} />
          )}
          {answer.incidents.length === 0 ? (
            <p>
              {answer.keywords.length ? `No known incidents about ${answer.keywords.join(' ')} right now${asOf}.` : `No known incidents right now${asOf}.`}
            </p>
          ) : (
            <>
              <p>{answer.incidents.length === 1 ? `Yes: 1 open incident${asOf}.` : `Yes: ${answer.incidents.length} open incidents${asOf}.`}</p>
              <ul className="copilot-list">
                {answer.incidents.slice(0, 10).map((incident) => (
                  <li key={incident.id}>
                    <button type="button" className="link-button" onClick={() => onOpen(incident)}>
                      {incident.reference} {incident.name} ({incident.incident_status.name})
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      );
    }
    case 'confirm':
      return (
        <>
          <ConfirmCard
            title={`Change ${answer.incident.reference} to ${answer.status.name}?`}
            details={[
              { label: 'Incident', value: `${answer.incident.reference} ${answer.incident.name}` },
              { label: 'From', value: answer.incident.incident_status.name },
              { label: 'To', value: answer.status.name },
            ]}
            confirmLabel="Update status"
            onConfirm={() => onConfirm(answer.incident, answer.status)}
            onCancel={onCancel}
            busy={busy}
          />
          {error && <ErrorAlert error={error} />}
        </>
      );
  }
}
