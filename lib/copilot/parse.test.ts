import { describe, expect, it } from 'vitest';
import { INVALID_STATUS_MESSAGE } from '@/lib/incident-io/status-words';
import { EXAMPLE_COMMANDS, parseCommand, type CopilotCommand } from './parse';

const ULID = '01HZX3K9Q8V7T6S5R4P3N2M1JK';
const ref = (number: number) => ({ kind: 'number', number, reference: `INC-${number}` }) as const;
const list = (...keywords: string[]) => ({ kind: 'list_open', keywords });
const show = (number: number) => ({ kind: 'show', ref: ref(number) });
const setWord = (number: number, word: string) => ({ kind: 'set_status', ref: ref(number), target: { word } });
const setName = (number: number, statusName: string) => ({ kind: 'set_status', ref: ref(number), target: { statusName } });
const declare = (name: string, severity?: string, severityToken?: string) =>
  severity ? { kind: 'declare', name, severity, severityToken } : { kind: 'declare', name };
const help = (reason?: string) =>
  expect.objectContaining({ kind: 'help', ...(reason ? { reason: expect.stringContaining(reason) } : {}) });

const ctx = { statusNames: ['Triage', 'Investigating', 'Fixing', 'Monitoring', 'Paused', 'Documenting', 'Closed'] };

describe('parseCommand: the seed sentences', () => {
  it.each([
    ['Is there a known incident?', list()],
    ['What is the current status of incident INC-123?', show(123)],
    ['Create an incident.io incident for the database issue', declare('Database issue')],
    ['Mark incident INC-123 as resolved', setWord(123, 'resolved')],
  ])('%j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it('offers exactly the seed sentences as examples', () => {
    expect(EXAMPLE_COMMANDS).toEqual([
      'Is there a known incident?',
      'What is the current status of incident INC-123?',
      'Create an incident.io incident for the database issue',
      'Mark incident INC-123 as resolved',
    ]);
    expect(parseCommand('hello')).toEqual({ kind: 'help', reason: expect.any(String), examples: [...EXAMPLE_COMMANDS] });
  });
});

describe('parseCommand: open incidents', () => {
  it.each([
    ['any incidents right now?', list()],
    ['is anything down?', list()],
    ["what's on fire", list()],
    ['What’s on fire?', list()],
    ['is checkout broken?', list('checkout')],
    ['Is Checkout BROKEN', list('checkout')],
    ['are there active incidents', list()],
    ['show open incidents', list()],
    ['open incidents?', list()],
    ["what's going on", list()],
    ['anything happening with payments?', list('payments')],
    ['status page', list()],
    ['any outages affecting the EU login page?', list('eu', 'login', 'page')],
    ['hey copilot, is the API down?', list('api')],
    ['are customers seeing errors on checkout', list('seeing', 'checkout')],
    ['is search slow today', list('search')],
    ['any known issues with SSO?', list('sso')],
    ['is checkout working?', list('checkout')],
    ['was the database issue fixed?', list('database')],
    ['is the checkout incident resolved?', list('checkout')],
    ["what's happening with 123", list('123')],
    ['is there a sev1 right now?', list()],
    ['update me on incidents', list()],
  ])('%j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });
});

describe('parseCommand: one incident', () => {
  it.each([
    ['status of #45', show(45)],
    ['tell me about inc 7', show(7)],
    ['Tell me about INC 7.', show(7)],
    ['INC-123?', show(123)],
    ['INC-123', show(123)],
    ['inc-123', show(123)],
    ['123', show(123)],
    ['#123', show(123)],
    ['https://app.incident.io/acme/incidents/123', show(123)],
    ['what about https://app.incident.io/incidents/123?tab=timeline', show(123)],
    [`look up https://app.incident.io/acme/incidents/${ULID}`, { kind: 'show', ref: { kind: 'id', id: ULID } }],
    ["what's happening with incident 123", show(123)],
    ['any update on (INC-9)?', show(9)],
    ["what's INC-12's status", show(12)],
    ['Details for “INC-77”, please', show(77)],
    ['open INC-5', show(5)],
    ['open incident INC-5', show(5)],
    ['open incident 5', show(5)],
    ['update INC-5', show(5)],
    ['updates on INC-5', show(5)],
    ['is INC-123 resolved?', show(123)],
    ['who resolved INC-123', show(123)],
    ['has INC-4 been closed', show(4)],
    ['INC-123 is fixed?', show(123)],
    ['INC-5 is down', show(5)],
    ['INC-5 has been open for 3 days', show(5)],
    ["don't resolve INC-123", show(123)],
    ['Don’t resolve INC-123!', show(123)],
    ['do not close INC-5', show(5)],
    ['please do not close INC-5', show(5)],
    ['mark INC-5 as not resolved', show(5)],
    ["we're not monitoring INC-9", show(9)],
    ['change the severity of INC-5 to major', show(5)],
    ['compare INC-1 and INC-2', show(1)],
    ['what’s the status of inc‑42?', show(42)],
    ['create incident INC-5', show(5)],
    ['INC-5 is open', show(5)],
    ['INC-123 resolved', show(123)],
    ['we fixed the bug in INC-9', show(9)],
    ['start monitoring INC-9', show(9)],
  ])('%j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });
});

describe('parseCommand: declare', () => {
  it.each([
    ['Create an incident for the database issue', declare('Database issue')],
    ['create an incident.io incident for the database issue.', declare('Database issue')],
    ['declare an incident about checkout failing for EU customers', declare('Checkout failing for EU customers')],
    ['open a sev1 incident for login errors', declare('Login errors', 'critical', 'sev1')],
    ['raise a SEV1 incident for login errors', declare('Login errors', 'critical', 'SEV1')],
    ['start a p1 incident regarding login errors', declare('Login errors', 'critical', 'p1')],
    ['file a critical incident about the payments API', declare('Payments API', 'critical', 'critical')],
    ['report a major incident: search returns nothing', declare('Search returns nothing', 'major', 'major')],
    ['log a sev2 incident for slow dashboards', declare('Slow dashboards', 'major', 'sev2')],
    ['declare a P2 incident for webhooks delayed', declare('Webhooks delayed', 'major', 'P2')],
    ['open a high priority incident for the mobile app', declare('Mobile app', 'major', 'high')],
    ['create a minor incident about typos on the pricing page', declare('Typos on the pricing page', 'minor', 'minor')],
    ['create a sev3 incident for stale cache', declare('Stale cache', 'minor', 'sev3')],
    ['raise a low incident for a flaky test', declare('Flaky test', 'minor', 'low')],
    ['declare a sev0 incident for total outage', declare('Total outage', 'critical', 'sev0')],
    ['raise a sev 1 incident for login errors', declare('Login errors', 'critical', 'sev 1')],
    ['raise a sev–1 incident for login errors', declare('Login errors', 'critical', 'sev-1')],
    ['raise a p1 for payments failing', declare('Payments failing', 'critical', 'p1')],
    ['create an incident for login errors, sev2', declare('Login errors', 'major', 'sev2')],
    ['create an incident for login errors (p3)', declare('Login errors', 'minor', 'p3')],
    ['create an incident for login errors with severity: critical', declare('Login errors', 'critical', 'severity: critical')],
    ['create an incident for login errors, severity 2', declare('Login errors', 'major', 'severity 2')],
    ['create an incident for latency being high', declare('Latency being high')],
    ['new incident: checkout down', declare('Checkout down')],
    ['declare incident checkout is down', declare('Checkout is down')],
    ['log an incident regarding the EU outage', declare('EU outage')],
    ['create an incident called “Checkout down”', declare('Checkout down')],
    ['Hey Copilot, create an incident for the database issue please', declare('Database issue')],
    ['could you please declare an incident about SSO timeouts?', declare('SSO timeouts')],
    ["I'd like to report an incident about missing invoices", declare('Missing invoices')],
    ['CREATE AN INCIDENT FOR THE DATABASE ISSUE', declare('DATABASE ISSUE')],
    ['create an incident: customers can’t check out', declare("Customers can't check out")],
    ['create an incident for users who do not get emails', declare('Users who do not get emails')],
    ['create an incident', declare('')],
    ['declare an incident for INC-5 follow-up', declare('INC-5 follow-up')],
    ['raise an incident – checkout is down – sev1', declare('Checkout is down', 'critical', 'sev1')],
  ])('%j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });
});

describe('parseCommand: set status', () => {
  it.each([
    ['mark incident INC-123 as resolved.', setWord(123, 'resolved')],
    ['Mark INC-123 resolved', setWord(123, 'resolved')],
    ['MARK INCIDENT inc-123 AS RESOLVED', setWord(123, 'resolved')],
    ['set INC-123 to monitoring', setWord(123, 'monitoring')],
    ['move INC-123 to monitoring', setWord(123, 'monitoring')],
    ['change INC-123 to monitoring', setWord(123, 'monitoring')],
    ['update INC-123 as monitoring', setWord(123, 'monitoring')],
    ['set the status of INC-5 to resolved', setWord(5, 'resolved')],
    ["update INC-123's status to resolved", setWord(123, 'resolved')],
    ['update status to monitoring for INC-123', setWord(123, 'monitoring')],
    ['resolve INC-123', setWord(123, 'resolved')],
    ['close INC-9', setWord(9, 'resolved')],
    ['resolve incident 44 now please', setWord(44, 'resolved')],
    ['reopen INC-3', setWord(3, 'active')],
    ['re-open INC-3', setWord(3, 'active')],
    ['INC-123 is fixed', setWord(123, 'resolved')],
    ['INC-123 has been resolved', setWord(123, 'resolved')],
    ['INC-123 is now closed', setWord(123, 'resolved')],
    ['incident INC-8 is fixed', setWord(8, 'resolved')],
    ["we're monitoring INC-9", setWord(9, 'monitoring')],
    ['We’re monitoring INC-9.', setWord(9, 'monitoring')],
    ['we are now monitoring INC-9', setWord(9, 'monitoring')],
    ["we've fixed INC-9", setWord(9, 'resolved')],
    ["we're investigating incident 9", setWord(9, 'active')],
    ['put INC-7 back to active', setWord(7, 'active')],
    ['INC-4 → monitoring', setWord(4, 'monitoring')],
    ['INC-4 -> monitoring', setWord(4, 'monitoring')],
    ['INC-4: resolved', setWord(4, 'resolved')],
    ['set INC-5 watching', setWord(5, 'monitoring')],
    ['hey copilot, mark INC-123 as done please', setWord(123, 'resolved')],
    ['can you resolve INC-123?', setWord(123, 'resolved')],
    ['Please switch INC-2 into triage', setWord(2, 'triage')],
    ['INC-4 → active', setWord(4, 'active')],
    ['INC-4 is now live', setWord(4, 'active')],
    ['resolve #12', setWord(12, 'resolved')],
    ['mark as resolved INC-5', setWord(5, 'resolved')],
  ])('%j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it.each([
    ['move INC-5 to Fixing', setName(5, 'Fixing')],
    ['move INC-5 to fixing', setName(5, 'Fixing')],
    ['set INC-5 as Documenting', setName(5, 'Documenting')],
    ['set INC-5 to investigating', setName(5, 'Investigating')],
    ['resolve INC-9 as Closed', setName(9, 'Closed')],
    ['set INC-5 to resolved', setWord(5, 'resolved')],
    ['INC-6 is Fixing', setName(6, 'Fixing')],
  ])('%j with the org statuses', (text, expected) => {
    expect(parseCommand(text, ctx)).toEqual(expected);
  });
});

describe('parseCommand: help', () => {
  it.each([
    ['', help()],
    ['   ', help()],
    ['?!', help()],
    ['hello', help()],
    ["what's the weather like", help("didn't understand")],
    ['thanks', help()],
    ['what can you do', help()],
    ['how do I create an incident?', help('type the command')],
    ['how to resolve INC-1', help('type the command')],
    ['mrak INC-123 as resolved', help('Did you mean "mark"?')],
    ['resolv INC-1', help('Did you mean "resolve"?')],
    ['creat an incident', help('Did you mean "create"?')],
    ['declar an incident for checkout', help('Did you mean "declare"?')],
    ['resolve the database incident', help('Which incident?')],
    ['mark the checkout incident as resolved', help('Which incident?')],
    ['resolve INC-1 and INC-2', help('one incident at a time')],
    ['mark INC-123 as banana', help(INVALID_STATUS_MESSAGE)],
    ['resolve INC-9 as active', help(INVALID_STATUS_MESSAGE)],
    ['show resolved incidents', help('open incidents only')],
    ['any incidents resolved today?', help('open incidents only')],
    ['list closed incidents from last week', help('open incidents only')],
    ['start a major migration', help()],
    ['set up a meeting', help()],
    ['mark 123 as resolved', help('Which incident?')],
  ])('%j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it('asks for one short sentence instead of parsing pasted text', () => {
    const pasted = `Mark incident INC-123 as resolved. ${'The customer wrote a very long message. '.repeat(10)}`;
    expect(parseCommand(pasted)).toEqual(help('too long'));
  });

  it('lists the org statuses when the target is unknown', () => {
    expect(parseCommand('move INC-5 to sideways', { statusNames: ['Fixing', 'Closed'] })).toEqual(
      help(`${INVALID_STATUS_MESSAGE} Your incident.io statuses work too: Fixing, Closed.`),
    );
  });
});

describe('parseCommand: never guesses a write', () => {
  const writes = new Set<CopilotCommand['kind']>(['set_status', 'declare']);
  it.each([
    'mrak INC-123 as resolved', 'resolv INC-1', 'creat an incident', 'is INC-123 resolved?', 'who resolved INC-123',
    "don't resolve INC-123", 'do not close INC-5', 'how do I create an incident?', 'was the database issue fixed?',
    'resolved incidents', 'any resolved incidents?', 'should we resolve INC-5?', 'can I close INC-5?',
    'INC-5 resolved?', 'INC-5 is not fixed', 'resolve INC-5 and INC-6', 'open incidents', 'new incidents?',
    'did someone create an incident for checkout?', 'when was INC-7 closed',
  ])('%j', (text) => {
    expect(writes.has(parseCommand(text).kind)).toBe(false);
  });
});
