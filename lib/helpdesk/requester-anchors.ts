import type { RequesterAnchors } from './requester';
import type { DeskId } from './types';

/**
 * Where each desk shows who wrote the ticket (selector chains, earliest first, as in the adapters).
 * Kept beside the requester reader rather than in the adapters: only the on-demand UI reads the
 * requester, so these selectors stay out of the script every help-desk page loads.
 */
export const REQUESTER_ANCHORS: Partial<Record<DeskId, RequesterAnchors>> = {
  freescout: {
    email: ['.customer-email', '#conv-layout-customer a[href^="mailto:"]', '.conv-customer-block'],
    organisation: ['.customer-company', '.conv-customer-block .customer-meta'],
  },
  freshdesk: {
    email: ['[data-testid="requester-info"]', '.requester-info', '[data-testid="requester-email"]', '.contact-info'],
    organisation: ['[data-testid="requester-company"]', '.requester-company', '[data-testid="company-name"]'],
  },
  front: {
    email: ['[data-testid="contact-handle"]', '[data-testid*="contact-details"]', '[class*="contactHandle__"]'],
    organisation: ['[data-testid="contact-company"]', '[class*="contactCompany__"]'],
  },
  gorgias: {
    email: ['[data-testid="customer-email"]', '[data-testid*="customer-email"]', '.infobar a[href^="mailto:"]'],
    organisation: ['[data-testid="customer-company"]'],
  },
  helpscout: {
    email: ['[data-cy="CustomerProfile.Email"]', '[data-cy*="CustomerEmail"]', '[data-cy="CustomerProfile"]'],
    organisation: ['[data-cy="CustomerProfile.Company"]', '[data-cy*="CustomerCompany"]'],
  },
  hubspot: {
    email: ['[data-test-id="contact-email"]', '[data-selenium-test="contact-email"]', '[data-test-id*="contact-email"]'],
    organisation: ['[data-test-id="company-name"]', '[data-selenium-test="company-name"]'],
  },
  intercom: {
    email: ['[data-testid="user-email"]', '[data-testid*="user-email"]', '[data-intercom-target*="user-email"]'],
    organisation: ['[data-testid="company-name"]', '[data-testid*="company-name"]'],
  },
  osticket: {
    email: ['table.ticket_info a[href^="mailto:"]'],
  },
  'request-tracker': {
    email: ['.ticket-info-requestors .value', '.ticket-info-people .requestors'],
  },
  zammad: {
    email: ['.sidebar[data-tab="customer"] [data-name="email"]', '.sidebar[data-tab="customer"] a[href^="mailto:"]'],
    organisation: ['.sidebar[data-tab="organization"] .sidebar-header-headline'],
  },
  zendesk: {
    email: ['[data-test-id="ticket-system-field-requester-select"]', '[data-test-id*="requester"]', '[data-test-id="customer-context-email"]'],
    organisation: ['[data-test-id="ticket-system-field-organization-select"]', '[data-test-id="customer-context-organization"]'],
  },
};
