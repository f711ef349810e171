import { emptyDirectory } from './directory';
import { seedDirectory } from './seed-directory';
import { ulid } from './ulid';
import {
  addUpdate, findIncident, iso, slackChannelId, slackChannelName,
  type ApiKey, type Incident, type IncidentRole, type IncidentType, type Mode, type SandboxState, type Severity,
  type Status, type StatusCategory, type User, type Visibility,
} from './state';

/** The instant seeded ids are computed from, so they are identical on every run. */
export const SEED_ANCHOR = Date.parse('2026-11-26T09:00:00Z');

export const ORG_SLUG = 'acme';

export const API_KEYS = {
  full: 'sandbox-full-key',
  viewer: 'sandbox-viewer-key',
  creator: 'sandbox-creator-key',
  revoked: 'sandbox-revoked-key',
  /** Declares and edits, but may not page on-call, see schedules or publish to status pages. */
  responder: 'sandbox-responder-key',
} as const;

export const FULL_ACCESS_KEY = API_KEYS.full;

export const KEY_NAMES = {
  full: 'Copilot sandbox (full access)',
  viewer: 'Copilot sandbox (viewer)',
  creator: 'Copilot sandbox (creator)',
  revoked: 'Copilot sandbox (revoked)',
  responder: 'Copilot sandbox (responder)',
} as const;

/** Seeded incidents the e2e tests rely on, by reference number. */
export const SEED_INCIDENTS = {
  /** Open (Fixing, Critical), public: the seed product page's INC-123. */
  open: 123,
  /** Open (Investigating, Major), public. */
  openMajor: 131,
  /** Monitoring (live), public. */
  monitoring: 134,
  /** Triage, type "Customer reported". */
  triage: 136,
  /** Paused, public. */
  paused: 119,
  /** Post-incident (learning), public. */
  learning: 117,
  /** Closed, public. */
  closed: 112,
  /** Declined. */
  declined: 125,
  /** Merged into INC-123. */
  merged: 126,
  /** Open, private, type "Security": only global_access keys see it. */
  privateOpen: 128,
  /** Test mode: excluded from lists unless mode[one_of]=test. */
  testMode: 137,
} as const;

const seedId = (kind: string, name: string) => ulid(SEED_ANCHOR - 90 * 86_400_000, `${kind}:${name}`);

const STATUS_DEFS: [string, StatusCategory, string][] = [
  ['Triage', 'triage', 'Someone has reported a problem. We\'re working out whether it\'s an incident.'],
  ['Investigating', 'live', 'We\'re investigating the cause and impact.'],
  ['Fixing', 'live', 'We know what\'s wrong and are **working on a fix**.'],
  ['Monitoring', 'live', 'A fix is in place and we\'re **watching** to confirm it worked.'],
  ['Paused', 'paused', 'Work is paused, for example while we wait on a third party.'],
  ['Documenting', 'learning', 'Impact is resolved. We\'re writing up what happened and what we learned.'],
  ['Closed', 'closed', 'Impact has been **fully mitigated**, and we\'ve learned from this incident.'],
  ['Declined', 'declined', 'This turned out not to be an incident.'],
  ['Merged', 'merged', 'This incident was merged into another one.'],
];

const SEVERITY_DEFS: [string, number, string][] = [
  ['Minor', 1, 'Issues with **low impact**: a small number of customers, with a workaround.'],
  ['Major', 2, 'Issues causing **significant impact**: many customers affected, or a key feature degraded.'],
  ['Critical', 3, 'Issues causing **very high impact**: a core product or most customers are down.'],
];

const TYPE_DEFS: [string, string, Pick<IncidentType, 'is_default' | 'private_incidents_only' | 'create_in_triage'>][] = [
  ['Default', 'Anything affecting customers or our systems.', { is_default: true, private_incidents_only: false, create_in_triage: 'optional' }],
  ['Security', 'Suspected or confirmed security incidents. Always private.', { is_default: false, private_incidents_only: true, create_in_triage: 'optional' }],
  ['Customer reported', 'Problems raised by customers through support. Always start in triage.', { is_default: false, private_incidents_only: false, create_in_triage: 'always' }],
];

const USER_DEFS: [string, string, User['role']][] = [
  ['Priya Shah', 'priya.shah@acme.example', 'administrator'],
  ['Tom Becker', 'tom.becker@acme.example', 'responder'],
  ['Ana Souza', 'ana.souza@acme.example', 'responder'],
  ['Sam Okafor', 'sam.okafor@acme.example', 'responder'],
  ['Mei Lin', 'mei.lin@acme.example', 'owner'],
];

type SeedUpdate = { after: number; status: string; severity?: string; message: string };
type SeedIncident = {
  number: number;
  name: string;
  summary: string;
  /** Minutes before the sandbox started (or was reset). */
  age: number;
  type?: string;
  visibility?: Visibility;
  mode?: Mode;
  lead?: string;
  reporter: string;
  callUrl?: boolean;
  mergedInto?: number;
  updates: SeedUpdate[];
};

const HOUR = 60;
const DAY = 24 * HOUR;

const INCIDENT_DEFS: SeedIncident[] = [
  { number: 99, name: 'Practice incident: learn how incidents work', summary: 'Tutorial incident created during onboarding.', age: 40 * DAY, mode: 'tutorial', reporter: 'Mei Lin', lead: 'Mei Lin',
    updates: [{ after: 0, status: 'Investigating', severity: 'Minor', message: 'This is a tutorial incident.' }] },
  { number: 104, name: 'Leaked credential in public repository', summary: 'A deploy token was committed to a public repository. Rotated and audited.', age: 14 * DAY, type: 'Security', visibility: 'private', reporter: 'Priya Shah', lead: 'Priya Shah',
    updates: [
      { after: 0, status: 'Investigating', severity: 'Critical', message: 'Token found in a public repository by our secret scanner.' },
      { after: 35, status: 'Fixing', message: 'Token revoked; rotating every credential issued with it.' },
      { after: 6 * HOUR, status: 'Closed', message: 'Rotation complete, audit logs show no use of the token.' },
    ] },
  { number: 108, name: 'Payment webhooks delivered twice', summary: 'Some merchants received duplicate payment webhooks after a queue failover.', age: 9 * DAY, reporter: 'Tom Becker', lead: 'Sam Okafor',
    updates: [
      { after: 0, status: 'Investigating', severity: 'Major', message: 'Merchants report duplicate payment.succeeded webhooks.' },
      { after: 50, status: 'Monitoring', message: 'Deduplication re-enabled on the webhook queue.' },
      { after: 5 * HOUR, status: 'Documenting', message: 'No further duplicates. Writing the post-mortem.' },
      { after: 3 * DAY, status: 'Closed', message: 'Post-mortem published.' },
    ] },
  { number: 112, name: 'Mobile push notifications not delivered', summary: 'iOS users did not receive push notifications for about 2 hours.', age: 5 * DAY, reporter: 'Ana Souza', lead: 'Ana Souza',
    updates: [
      { after: 0, status: 'Investigating', severity: 'Minor', message: 'Push delivery rate for iOS dropped to zero.' },
      { after: 70, status: 'Fixing', message: 'Expired APNs certificate; renewing it.' },
      { after: 2 * HOUR, status: 'Closed', message: 'New certificate deployed, notifications flowing again.' },
    ] },
  { number: 117, name: 'API 502s during deploy', summary: 'The public API returned 502s for 6 minutes while a deploy drained connections too early.', age: 2 * DAY, reporter: 'Sam Okafor', lead: 'Tom Becker',
    updates: [
      { after: 0, status: 'Investigating', severity: 'Major', message: 'Spike of 502s from the API load balancer.' },
      { after: 20, status: 'Monitoring', message: 'Deploy rolled back; error rate back to normal.' },
      { after: 3 * HOUR, status: 'Documenting', message: 'Impact over. Collecting a timeline for the debrief.' },
    ] },
  { number: 119, name: 'Search results stale for some workspaces', summary: 'Search shows results up to 40 minutes old for workspaces on shard 7.', age: DAY + 4 * HOUR, reporter: 'Ana Souza', lead: 'Sam Okafor',
    updates: [
      { after: 0, status: 'Investigating', severity: 'Minor', message: 'Indexing lag on shard 7.' },
      { after: 3 * HOUR, status: 'Paused', message: 'Waiting on our search vendor to resize the cluster.' },
    ] },
  { number: 125, name: 'Dashboard slow to load', summary: 'One customer reported slow dashboards; caused by their own browser extension.', age: DAY, type: 'Customer reported', reporter: 'Tom Becker',
    updates: [
      { after: 0, status: 'Triage', message: 'Reported through support.' },
      { after: 45, status: 'Declined', message: 'Not an incident: a browser extension on the customer\'s side.' },
    ] },
  { number: 126, name: 'Checkout errors in the EU', summary: 'Duplicate of INC-123.', age: 80, type: 'Customer reported', reporter: 'Ana Souza',
    mergedInto: 123,
    updates: [
      { after: 0, status: 'Triage', message: 'Customer reports card payments failing.' },
      { after: 10, status: 'Merged', message: 'Merged into INC-123.' },
    ] },
  { number: 123, name: 'Checkout failing for EU customers', summary: 'Card payments fail for customers in the EU with a generic error at the last checkout step.', age: 95, reporter: 'Tom Becker', lead: 'Priya Shah', callUrl: true,
    updates: [
      { after: 0, status: 'Investigating', severity: 'Critical', message: 'Checkout error rate in the EU is at 38%. Investigating the payments gateway.' },
      { after: 25, status: 'Fixing', message: 'A config push to the EU payments gateway broke 3-D Secure. Rolling it back.' },
    ] },
  { number: 128, name: 'Suspicious login attempts on admin accounts', summary: 'Credential-stuffing attempts against admin accounts from a small set of IPs.', age: 2 * HOUR, type: 'Security', visibility: 'private', reporter: 'Priya Shah', lead: 'Mei Lin',
    updates: [{ after: 0, status: 'Investigating', severity: 'Major', message: 'Blocked the source IPs; checking for successful logins.' }] },
  { number: 130, name: 'SSO login failing for Okta customers', summary: 'Customers using Okta SSO saw "invalid signature" errors after a certificate rotation.', age: 6 * HOUR, reporter: 'Sam Okafor', lead: 'Ana Souza',
    updates: [
      { after: 0, status: 'Investigating', severity: 'Major', message: 'Okta SAML assertions rejected.' },
      { after: 40, status: 'Fixing', message: 'Our SAML certificate rotated early; restoring the previous one.' },
      { after: 90, status: 'Monitoring', message: 'Logins succeeding again. Watching for stragglers with cached metadata.' },
    ] },
  { number: 131, name: 'Database latency in eu-west-1', summary: 'p99 query latency on the primary database in eu-west-1 is above 2s.', age: 40, reporter: 'Tom Becker', lead: 'Sam Okafor', callUrl: true,
    updates: [{ after: 0, status: 'Investigating', severity: 'Major', message: 'Latency alerts firing for the eu-west-1 primary.' }] },
  { number: 133, name: 'Intermittent 500s on file uploads', summary: 'A few customers see "upload failed" for files over 50 MB.', age: 25, reporter: 'Ana Souza',
    updates: [{ after: 0, status: 'Triage', severity: 'Minor', message: 'Raised by support from 3 tickets.' }] },
  { number: 134, name: 'Login emails delayed', summary: 'Magic-link login emails arrive up to 10 minutes late.', age: 3 * HOUR, reporter: 'Ana Souza', lead: 'Tom Becker',
    updates: [
      { after: 0, status: 'Investigating', severity: 'Minor', message: 'Email provider queue is backed up.' },
      { after: 60, status: 'Monitoring', message: 'Switched to the secondary email provider; delays clearing.' },
    ] },
  { number: 136, name: 'Customer reports missing invoices', summary: 'A customer cannot find their November invoices in billing settings.', age: 12, type: 'Customer reported', reporter: 'Tom Becker',
    updates: [{ after: 0, status: 'Triage', message: 'Reported through support.' }] },
  { number: 137, name: 'Game day: database failover drill', summary: 'Planned failover drill for the eu-west-1 database.', age: 30, mode: 'test', reporter: 'Sam Okafor', lead: 'Sam Okafor',
    updates: [{ after: 0, status: 'Investigating', severity: 'Minor', message: 'Drill started.' }] },
];

function byName<T extends { name: string }>(items: T[], name: string): T {
  const found = items.find((i) => i.name === name);
  if (!found) throw new Error(`Seed refers to unknown ${name}`);
  return found;
}

/**
 * A fresh organisation. `now` places the seeded timeline (open incidents started minutes before it);
 * ids, references and contents are the same whatever `now` is.
 */
export function createSeedState(now: number): SandboxState {
  const configTimes = { created_at: iso(now - 400 * 86_400_000), updated_at: iso(now - 30 * 86_400_000) };
  const statuses: Status[] = STATUS_DEFS.map(([name, category, description], i) => ({
    id: seedId('status', name), name, description, category, rank: i + 1, ...configTimes,
  }));
  const severities: Severity[] = SEVERITY_DEFS.map(([name, rank, description]) => ({
    id: seedId('severity', name), name, description, rank, ...configTimes,
  }));
  const incidentTypes: IncidentType[] = TYPE_DEFS.map(([name, description, flags]) => ({
    id: seedId('type', name), name, description, ...flags, ...configTimes,
  }));
  const users: User[] = USER_DEFS.map(([name, email, role]) => ({
    id: seedId('user', name), name, email, role, slack_user_id: `U0${seedId('slack', name).slice(-8)}`,
  }));
  const incidentRoles: IncidentRole[] = [
    { name: 'Incident Lead', shortform: 'lead', role_type: 'lead' as const, required: true,
      description: 'The person currently coordinating the incident', instructions: 'Take point; make sure everyone knows who does what.' },
    { name: 'Reporter', shortform: 'reporter', role_type: 'reporter' as const, required: false,
      description: 'The person who reported the incident', instructions: 'Share what you saw with the lead.' },
    { name: 'Communications Lead', shortform: 'comms', role_type: 'custom' as const, required: false,
      description: 'Keeps customers and support informed', instructions: 'Post status page updates and brief support.' },
  ].map((role) => ({ ...role, id: seedId('role', role.name), ...configTimes }));

  const keys: ApiKey[] = ([
    { token: API_KEYS.full, name: KEY_NAMES.full, revoked: false,
      roles: ['viewer', 'incident_creator', 'incident_editor', 'global_access', 'post_incident_flow_opt_out', 'manage_settings', 'catalog_viewer',
        'escalation_creator', 'on_call_viewer', 'schedules_reader', 'status_page_publisher'] },
    { token: API_KEYS.viewer, name: KEY_NAMES.viewer, revoked: false, roles: ['viewer'] },
    { token: API_KEYS.creator, name: KEY_NAMES.creator, revoked: false, roles: ['viewer', 'incident_creator'] },
    { token: API_KEYS.revoked, name: KEY_NAMES.revoked, revoked: true, roles: ['viewer', 'incident_creator', 'incident_editor'] },
    { token: API_KEYS.responder, name: KEY_NAMES.responder, revoked: false, roles: ['viewer', 'incident_creator', 'incident_editor', 'catalog_viewer'] },
  ] satisfies Omit<ApiKey, 'id'>[]).map((key) => ({ ...key, id: seedId('api_key', key.name) }));

  const state: SandboxState = {
    org: { slug: ORG_SLUG, name: 'Acme', slackTeamId: 'T02A1FSLE8J', postIncidentFlowRequired: true,
      teams: [{ id: seedId('team', 'Support'), name: 'Support' }] },
    keys, users, incidentRoles, statuses, severities, incidentTypes,
    incidents: [], updates: [], attachments: [], directory: emptyDirectory(), idempotency: new Map(), pendingChannels: new Map(), sequence: 0,
    idClockShift: SEED_ANCHOR - now,
  };

  for (const def of [...INCIDENT_DEFS].sort((a, b) => b.age - a.age)) {
    state.incidents.push(seedIncident(state, def, now));
  }
  state.directory = seedDirectory(state, seedId, now);
  return state;
}

function seedIncident(state: SandboxState, def: SeedIncident, now: number): Incident {
  const start = now - def.age * 60_000;
  const reporter = byName(state.users, def.reporter);
  const [leadRole, reporterRole] = state.incidentRoles;
  if (!leadRole || !reporterRole) throw new Error('Seed needs lead and reporter roles');
  const first = def.updates[0];
  const last = def.updates[def.updates.length - 1];
  if (!first || !last) throw new Error(`INC-${def.number} needs at least one update`);
  const id = ulid(start + state.idClockShift, `incident:${def.number}`);
  const incident: Incident = {
    id,
    reference: `INC-${def.number}`,
    name: def.name,
    summary: def.summary,
    visibility: def.visibility ?? 'public',
    mode: def.mode ?? 'standard',
    permalink: `https://app.incident.io/${state.org.slug}/incidents/${def.number}`,
    slack_team_id: state.org.slackTeamId,
    slack_channel_id: slackChannelId(id),
    slack_channel_name: slackChannelName(def.number, def.name),
    ...(def.callUrl ? { call_url: `https://meet.example.com/inc-${def.number}` } : {}),
    created_at: iso(start),
    updated_at: iso(start + last.after * 60_000),
    incident_status: byName(state.statuses, first.status),
    incident_type: byName(state.incidentTypes, def.type ?? 'Default'),
    incident_role_assignments: [
      { role: leadRole, ...(def.lead ? { assignee: byName(state.users, def.lead) } : {}) },
      { role: reporterRole, assignee: reporter },
    ],
    custom_field_entries: [],
    creator: { user: reporter },
    has_debrief: false,
  };
  const updater = { user: def.lead ? byName(state.users, def.lead) : reporter };
  for (const step of def.updates) {
    incident.incident_status = byName(state.statuses, step.status);
    if (step.severity) incident.severity = byName(state.severities, step.severity);
    const update = addUpdate(state, incident, updater, step.message, start + step.after * 60_000);
    const target = def.mergedInto === undefined ? undefined : findIncident(state, String(def.mergedInto));
    if (target && incident.incident_status.category === 'merged') update.merged_into_incident_id = target.id;
  }
  return incident;
}
