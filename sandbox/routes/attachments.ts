import { fieldError, notFound } from '../errors';
import { statusPageAttachment } from '../seed-directory';
import { isVisibleTo, newId, type Attachment, type AttachmentResource, type SandboxState, type ApiKey } from '../state';
import { ULID_PATTERN } from '../ulid';
import type { Route } from './types';

type CreatePayload = {
  incident_id: string;
  resource: { resource_type: string; external_id?: string; title?: string; url?: string };
};

/** Where incident.io would link a resource it knows how to fetch, for the sandbox org's tools. */
const PERMALINKS: Record<string, { label: string; url: (id: string) => string }> = {
  zendesk_ticket: { label: 'Zendesk ticket', url: (id) => `https://acme.zendesk.com/agent/tickets/${id}` },
  salesforce_case: { label: 'Salesforce case', url: (id) => `https://acme.lightning.force.com/lightning/r/Case/${id}/view` },
  jira_issue: { label: 'Jira issue', url: (id) => `https://acme.atlassian.net/browse/${id}` },
  github_pull_request: { label: 'Pull request', url: (id) => `https://github.com/acme/app/pull/${id}` },
  pager_duty_incident: { label: 'PagerDuty incident', url: (id) => `https://acme.pagerduty.com/incidents/${id}` },
};

const visibleAttachment = (state: SandboxState, key: ApiKey) => {
  const visible = new Set(state.incidents.filter((i) => isVisibleTo(i, key)).map((i) => i.id));
  return (attachment: Attachment) => visible.has(attachment.incident_id);
};

function resourceFor(payload: CreatePayload['resource']): AttachmentResource {
  const known = PERMALINKS[payload.resource_type];
  const externalId = payload.external_id ?? (payload.resource_type === 'arbitrary_url' ? payload.url : undefined);
  if (!externalId) throw fieldError('resource.external_id', 'is_required', `resource.external_id is required for ${payload.resource_type}`);
  const permalink = payload.url ?? known?.url(externalId);
  if (!permalink) throw fieldError('resource.url', 'is_required', `resource.url is required for ${payload.resource_type}`);
  return {
    external_id: externalId,
    permalink,
    title: payload.title ?? `${known?.label ?? 'Link'} ${externalId}`,
    resource_type: payload.resource_type,
  };
}

/** incident.io fetches a status page incident it hosts itself: the title is its public name. */
function statusPageResource(state: SandboxState, externalId: string | undefined): AttachmentResource {
  const found = state.directory.statusPageIncidents.find((i) => i.id === externalId);
  const page = found && state.directory.statusPages.find((p) => p.id === found.status_page_id);
  if (!found || !page) throw fieldError('resource.external_id', 'invalid_value', `No status page incident with id ${externalId ?? '(none)'}`);
  return statusPageAttachment('', '', page, found.id, found.name).resource;
}

export const listAttachments: Route = {
  requires: { role: 'viewer', action: 'view incidents' },
  handle: ({ state, key, query }) => {
    const visible = visibleAttachment(state, key);
    const attachments = state.attachments.filter((a) => visible(a)
      && (query.incident_id === undefined || a.incident_id === query.incident_id)
      && (query.external_id === undefined || a.resource.external_id === query.external_id)
      && (query.resource_type === undefined || a.resource.resource_type === query.resource_type));
    return { status: 200, body: { incident_attachments: attachments } };
  },
};

export const createAttachment: Route = {
  requires: { role: 'incident_editor', action: 'attach resources to incidents' },
  handle: ({ state, key, body, now }) => {
    const payload = body as CreatePayload;
    const incident = state.incidents.find((i) => i.id === payload.incident_id && isVisibleTo(i, key));
    if (!incident) {
      const hint = ULID_PATTERN.test(payload.incident_id) ? '' : ' (use the incident\'s ID, not its reference number)';
      throw fieldError('incident_id', 'invalid_value', `No incident with id ${payload.incident_id}${hint}`);
    }
    const resource = payload.resource.resource_type === 'statuspage_incident'
      ? statusPageResource(state, payload.resource.external_id)
      : resourceFor(payload.resource);
    const duplicate = state.attachments.some((a) => a.incident_id === incident.id
      && a.resource.resource_type === resource.resource_type && a.resource.external_id === resource.external_id);
    if (duplicate) throw fieldError('resource.external_id', 'is_duplicate', `This ${resource.resource_type} is already attached to ${incident.reference}`);
    const attachment: Attachment = { id: newId(state, 'attachment', now), incident_id: incident.id, resource };
    state.attachments.push(attachment);
    return { status: 201, body: { incident_attachment: attachment } };
  },
};

export const deleteAttachment: Route = {
  requires: { role: 'incident_editor', action: 'remove attachments from incidents' },
  handle: ({ state, key, pathParams }) => {
    const visible = visibleAttachment(state, key);
    const attachment = state.attachments.find((a) => a.id === pathParams.id && visible(a));
    if (!attachment) throw notFound('incident attachment');
    state.attachments = state.attachments.filter((a) => a !== attachment);
    return { status: 204 };
  },
};
