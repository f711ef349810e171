import {
  embeddedEntry, fieldTypeInfo, type CatalogEntry, type CatalogType, type CustomField, type CustomFieldOption,
  type CustomFieldType, type Directory, type EscalationPath, type Schedule, type StatusPage, type StatusPageIncident,
} from './directory';
import type { Attachment, Incident, SandboxState, User } from './state';

type SeedId = (kind: string, name: string) => string;

/** Custom fields by name, as the e2e tests and the declare form know them. */
export const SEED_FIELDS = {
  product: 'Affected product',
  regions: 'Regions',
  impact: 'Customer impact',
  runbook: 'Runbook',
  tickets: 'Tickets',
  customers: 'Affected customers',
} as const;

/** Well-known customers (name, email domain) at the head of the 2,000-entry catalog. */
export const SEED_CUSTOMERS: [string, string][] = [
  ['Acme Corp', 'acme.com'],
  ['Globex', 'globex.com'],
  ['Initech', 'initech.com'],
  ['Umbrella Health', 'umbrella-health.com'],
  ['Hooli', 'hooli.com'],
  ['Stark Industries', 'stark.com'],
];

export const CUSTOMER_COUNT = 2000;

/** Shared with the e2e tests: the status page incident seeded on INC-123. */
export const SEED_STATUS_PAGE_INCIDENT = {
  incident: 123,
  name: 'Card payments failing in Europe',
  latest: 'We have identified a configuration change at our payment provider and are **rolling it back**. Card payments may still fail for some customers.',
} as const;

const PREFIXES = ['Blue', 'North', 'Bright', 'Silver', 'Red', 'Green', 'Swift', 'Iron', 'Golden', 'Clear', 'Nova', 'Peak', 'Delta', 'Summit',
  'Harbor', 'Pine', 'Cedar', 'Maple', 'River', 'Stone', 'Sun', 'Moon', 'Star', 'Cloud', 'Ocean', 'Terra', 'Atlas', 'Orion', 'Vega', 'Polar',
  'Echo', 'Zen', 'Pixel', 'Quantum', 'Lumen', 'Apex', 'Vertex', 'Prime', 'Fox', 'Owl'];
const SUFFIXES = ['Labs', 'Logistics', 'Health', 'Bank', 'Retail', 'Foods', 'Energy', 'Media', 'Travel', 'Systems', 'Works', 'Studios', 'Motors',
  'Insurance', 'Analytics', 'Games', 'Legal', 'Pharma', 'Robotics', 'Telecom', 'Capital', 'Fitness', 'Farms', 'Airlines', 'Hotels', 'Software',
  'Security', 'Education', 'Fashion', 'Design', 'Outdoors', 'Pets', 'Realty', 'Shipping', 'Textiles', 'Water', 'Wines', 'Solar', 'Cycles', 'Books',
  'Clinics', 'Dental', 'Events', 'Freight', 'Gardens', 'Homes', 'Kitchens', 'Music', 'Optics', 'Paper'];

const EXTRA_USERS: [string, string][] = [
  ['Jonas Weber', 'jonas.weber@acme.example'], ['Lucía Fernández', 'lucia.fernandez@acme.example'], ['Kwame Mensah', 'kwame.mensah@acme.example'],
  ['Hana Kobayashi', 'hana.kobayashi@acme.example'], ['Oliver Brown', 'oliver.brown@acme.example'], ['Fatima Zahra', 'fatima.zahra@acme.example'],
  ['Ana Ruiz', 'ana.ruiz@acme.example'], ['Dmitri Ivanov', 'dmitri.ivanov@acme.example'], ['Chloé Martin', 'chloe.martin@acme.example'],
  ['Ravi Patel', 'ravi.patel@acme.example'], ['Grace Kim', 'grace.kim@acme.example'], ['Noah Johnson', 'noah.johnson@acme.example'],
];

const slug = (name: string) => name.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '');

export function seedDirectory(state: SandboxState, seedId: SeedId, now: number): Directory {
  const times = { created_at: new Date(now - 300 * 86_400_000).toISOString(), updated_at: new Date(now - 20 * 86_400_000).toISOString() };
  for (const [name, email] of EXTRA_USERS) {
    state.users.push({ id: seedId('user', name), name, email, role: 'responder', slack_user_id: `U0${seedId('slack', name).slice(-8)}` });
  }
  const user = (name: string): User => {
    const found = state.users.find((u) => u.name === name);
    if (!found) throw new Error(`Seed refers to unknown user ${name}`);
    return found;
  };

  const customerType: CatalogType = {
    id: seedId('catalog_type', 'Customer'), name: 'Customer', description: 'Organisations that pay us, synced from the CRM.',
    type_name: 'Custom["Customer"]', semantic_type: 'customer', ranked: false, icon: 'briefcase', color: 'blue', categories: ['customer'],
    is_editable: false, annotations: { 'incident.io/catalog-importer/id': 'crm-sync' }, use_name_as_identifier: true,
    schema: { version: 1, attributes: [
      { id: seedId('catalog_attr', 'domain'), name: 'Email domain', type: 'String', mode: 'external', array: false },
      { id: seedId('catalog_attr', 'plan'), name: 'Plan', type: 'String', mode: 'external', array: false },
    ] },
    estimated_count: CUSTOMER_COUNT, ...times,
  };
  const serviceType: CatalogType = {
    id: seedId('catalog_type', 'Service'), name: 'Service', description: 'The services we run.', type_name: 'Custom["Service"]',
    semantic_type: '', ranked: false, icon: 'server', color: 'green', categories: ['service'], is_editable: true, annotations: {},
    use_name_as_identifier: false, schema: { version: 1, attributes: [] }, estimated_count: 4, ...times,
  };
  const [domainAttr, planAttr] = customerType.schema.attributes;
  const catalogEntries: CatalogEntry[] = [];
  const customerNames: [string, string][] = [...SEED_CUSTOMERS];
  for (let i = 0; customerNames.length < CUSTOMER_COUNT; i++) {
    const name = `${PREFIXES[i % PREFIXES.length]} ${SUFFIXES[Math.floor(i / PREFIXES.length) % SUFFIXES.length]}`;
    customerNames.push([name, `${slug(name)}.com`]);
  }
  customerNames.forEach(([name, domain], i) => {
    const plan = ['Enterprise', 'Business', 'Team'][i % 3] as string;
    catalogEntries.push({
      id: seedId('catalog_entry', `customer:${name}`), catalog_type_id: customerType.id, name,
      external_id: `cus_${String(i + 1).padStart(5, '0')}`, aliases: [domain], rank: 0,
      attribute_values: {
        [domainAttr?.id ?? 'domain']: { value: { literal: domain, label: domain, sort_key: domain } },
        [planAttr?.id ?? 'plan']: { value: { literal: plan, label: plan, sort_key: plan } },
      },
      ...times,
    });
  });
  for (const name of ['Checkout API', 'Payments gateway', 'Identity', 'Search']) {
    catalogEntries.push({ id: seedId('catalog_entry', `service:${name}`), catalog_type_id: serviceType.id, name, aliases: [], rank: 0, attribute_values: {}, ...times });
  }

  const fieldDefs: [string, CustomFieldType, string, string[]?, string?][] = [
    [SEED_FIELDS.product, 'single_select', 'The part of the product customers see failing.',
      ['Checkout', 'Payments', 'Login & SSO', 'Search', 'Notifications', 'Public API', 'Dashboard', 'Billing', 'File uploads']],
    [SEED_FIELDS.regions, 'multi_select', 'Where customers are affected.', ['EU', 'US', 'UK', 'APAC']],
    [SEED_FIELDS.impact, 'text', 'What customers experience, in their words.'],
    [SEED_FIELDS.runbook, 'link', 'The runbook responders follow.'],
    [SEED_FIELDS.tickets, 'numeric', 'Support tickets linked to this incident (kept up to date by Incident Copilot).'],
    [SEED_FIELDS.customers, 'multi_select', 'Customers known to be affected.', undefined, customerType.id],
  ];
  const customFields: CustomField[] = [];
  const customFieldOptions: CustomFieldOption[] = [];
  for (const [name, field_type, description, options, catalog_type_id] of fieldDefs) {
    const field: CustomField = { id: seedId('custom_field', name), name, description, field_type, ...(catalog_type_id ? { catalog_type_id } : {}), ...times };
    customFields.push(field);
    (options ?? []).forEach((value, i) => customFieldOptions.push({ id: seedId('custom_field_option', `${name}:${value}`), custom_field_id: field.id, value, sort_key: (i + 1) * 10 }));
  }

  const day = 86_400_000;
  const handover = Math.floor(now / day) * day + 9 * 3_600_000 - 14 * day; // 09:00 UTC, two weeks back
  const schedules: Schedule[] = [
    ['Platform primary', ['Sam Okafor', 'Tom Becker', 'Jonas Weber', 'Kwame Mensah'], 24],
    ['Payments primary', ['Priya Shah', 'Ana Ruiz', 'Ravi Patel'], 12],
  ].map(([name, users, shiftHours]) => {
    const id = seedId('schedule', name as string);
    return {
      id, name: name as string, timezone: 'Europe/London', team_ids: [], annotations: {},
      permalink: `https://app.incident.io/${state.org.slug}/on-call/schedules/${id}`,
      rotation: { id: seedId('rotation', name as string), layerId: seedId('layer', name as string), users: (users as string[]).map(user), start: handover, shiftHours: shiftHours as number },
      overrides: [], ...times,
    };
  });
  // Someone covering right now, so `final` differs from `scheduled`.
  const payments = schedules[1];
  if (payments) payments.overrides.push({ id: seedId('override', 'payments'), user: user('Grace Kim'), start: now - 3_600_000, end: now + 5 * 3_600_000 });

  const [platform] = schedules;
  const escalationPaths: EscalationPath[] = [
    ['Platform on-call', [{ id: platform?.id ?? '', type: 'schedule' as const }]],
    ['Payments on-call', [{ id: payments?.id ?? '', type: 'schedule' as const }]],
    ['Security response', [{ id: user('Priya Shah').id, type: 'user' as const }, { id: user('Mei Lin').id, type: 'user' as const }]],
  ].map(([name, targets]) => ({
    id: seedId('escalation_path', name as string), name: name as string, team_ids: [],
    path: [{ id: seedId('escalation_node', name as string), type: 'level' as const, level: {
      time_to_ack_seconds: 300,
      targets: (targets as { id: string; type: 'schedule' | 'user' }[]).map((t) => ({ ...t, urgency: 'high' as const, ...(t.type === 'schedule' ? { schedule_mode: 'currently_on_call' } : {}) })),
    } }],
  }));

  const statusPages: StatusPage[] = [
    { id: seedId('status_page', 'Acme Status'), name: 'Acme Status', description: 'Status of Acme\'s products.', public_url: 'https://status.acme.example' },
    { id: seedId('status_page', 'Acme EU'), name: 'Acme EU Status', description: 'Status of our EU data region.', public_url: 'https://status-eu.acme.example' },
  ];

  const directory: Directory = {
    customFields, customFieldOptions, catalogTypes: [customerType, serviceType], catalogEntries, schedules, escalationPaths,
    escalations: [], escalationKeys: new Map(), statusPages, statusPageIncidents: [], statusPageIncidentKeys: new Map(),
  };
  seedIncidentValues(state, directory, seedId, now);
  return directory;
}

/** Values, status page incidents and linked tickets on the open incidents, so `npm start` shows them. */
function seedIncidentValues(state: SandboxState, directory: Directory, seedId: SeedId, now: number): void {
  const incident = (n: number): Incident | undefined => state.incidents.find((i) => i.reference === `INC-${n}`);
  const field = (name: string) => directory.customFields.find((f) => f.name === name) as CustomField;
  const option = (fieldName: string, value: string) => directory.customFieldOptions.find((o) => o.custom_field_id === field(fieldName).id && o.value === value);
  const customer = (name: string) => directory.catalogEntries.find((e) => e.name === name);
  const set = (n: number, fieldName: string, values: object[]) => {
    const target = incident(n);
    if (target) target.custom_field_entries.push({ custom_field: fieldTypeInfo(directory, field(fieldName)), values });
  };
  const options = (fieldName: string, ...values: string[]) => values.map((v) => ({ value_option: option(fieldName, v) }));
  const customers = (...names: string[]) => names.map((n) => customer(n)).filter((e) => e !== undefined).map((e) => ({ value_catalog_entry: embeddedEntry(e) }));

  set(123, SEED_FIELDS.product, options(SEED_FIELDS.product, 'Checkout'));
  set(123, SEED_FIELDS.regions, options(SEED_FIELDS.regions, 'EU'));
  set(123, SEED_FIELDS.customers, customers('Acme Corp', 'Globex', 'Initech'));
  set(123, SEED_FIELDS.impact, [{ value_text: 'Card payments declined at the last checkout step with "Something went wrong".' }]);
  set(123, SEED_FIELDS.runbook, [{ value_link: 'https://runbooks.acme.example/payments-gateway' }]);
  set(123, SEED_FIELDS.tickets, [{ value_numeric: '2' }]);
  set(131, SEED_FIELDS.product, options(SEED_FIELDS.product, 'Dashboard'));
  set(131, SEED_FIELDS.customers, customers('Umbrella Health'));
  set(130, SEED_FIELDS.product, options(SEED_FIELDS.product, 'Login & SSO'));
  set(130, SEED_FIELDS.customers, customers('Hooli', 'Stark Industries'));
  set(134, SEED_FIELDS.product, options(SEED_FIELDS.product, 'Notifications'));

  const [page] = directory.statusPages;
  if (!page) return;
  const minutes = (m: number) => new Date(now - m * 60_000).toISOString();
  const publish = (n: number, name: string, updates: [number, StatusPageIncident['incident_status'], string][]) => {
    const target = incident(n);
    const last = updates[updates.length - 1];
    if (!target || !last) return;
    const id = seedId('status_page_incident', String(n));
    directory.statusPageIncidents.push({
      id, status_page_id: page.id, name, published_at: minutes(updates[0]?.[0] ?? 0), incident_status: last[1], component_impacts: [],
      updates: updates.map(([ago, status, message]) => ({
        id: seedId('status_page_incident_update', `${n}:${ago}`), status_page_incident_id: id, published_at: minutes(ago),
        message, incident_status: status, component_statuses: [],
      })),
    });
    state.attachments.push(statusPageAttachment(seedId('attachment', `status:${n}`), target.id, page, id, name));
  };
  publish(SEED_STATUS_PAGE_INCIDENT.incident, SEED_STATUS_PAGE_INCIDENT.name, [
    [85, 'investigating', 'We are investigating reports of failed card payments for customers in Europe.'],
    [65, 'identified', SEED_STATUS_PAGE_INCIDENT.latest],
  ]);
  publish(130, 'Single sign-on errors for Okta users', [
    [5 * 60, 'investigating', 'Some customers using Okta single sign-on cannot log in.'],
    [4 * 60 - 30, 'monitoring', 'A fix is in place and logins are succeeding again. We are monitoring.'],
  ]);

  // Tickets linked to incidents that are already monitoring: the follow-up queue's first entries.
  const ticket = (n: number, id: string, title: string) => {
    const target = incident(n);
    if (!target) return;
    state.attachments.push({ id: seedId('attachment', `ticket:${n}:${id}`), incident_id: target.id, resource: {
      external_id: id, resource_type: 'zendesk_ticket', title, permalink: `https://acme.zendesk.com/agent/tickets/${id}`,
    } });
  };
  ticket(130, '4512', 'Okta login says invalid signature');
  ticket(130, '4519', 'Cannot sign in with SSO');
  ticket(134, '4530', 'Magic link email never arrived');
}

export function statusPageAttachment(id: string, incidentId: string, page: StatusPage, statusPageIncidentId: string, name: string): Attachment {
  return { id, incident_id: incidentId, resource: {
    external_id: statusPageIncidentId, resource_type: 'statuspage_incident', title: name,
    permalink: `${page.public_url}/incidents/${statusPageIncidentId}`,
  } };
}
