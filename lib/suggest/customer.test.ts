import { describe, expect, it } from 'vitest';
import type { CustomFieldEntry } from '@/lib/incident-io/schemas';
import { customerFieldIds, customerLines, isCustomerCatalogType, requesterIdentifiers } from './customer';

const customersType = { id: 'ct-customers', name: 'Customer', type_name: 'Custom["Customer"]', categories: ['customer'] };
const servicesType = { id: 'ct-services', name: 'Service', type_name: 'Custom["Service"]', categories: ['service'] };
const fields = [
  { id: 'cf-affected', name: 'Affected customers', field_type: 'multi_select', catalog_type_id: 'ct-customers' },
  { id: 'cf-service', name: 'Affected service', field_type: 'single_select', catalog_type_id: 'ct-services' },
  { id: 'cf-product', name: 'Product', field_type: 'single_select' },
];
const entry = (fieldId: string, ...names: { id: string; name: string; aliases?: string[] }[]): CustomFieldEntry => ({
  custom_field: { id: fieldId, name: fieldId, field_type: 'multi_select' },
  values: names.map((value_catalog_entry) => ({ value_catalog_entry })),
});
const incidents = [
  { id: 'i1', custom_field_entries: [entry('cf-affected', { id: 'e-acme', name: 'Acme Corp', aliases: ['acme.com'] })] },
  { id: 'i2', custom_field_entries: [entry('cf-affected', { id: 'e-globex', name: 'Globex' })] },
  // A service entry named like the customer is not "the customer is affected".
  { id: 'i3', custom_field_entries: [entry('cf-service', { id: 'e-svc', name: 'acme.com' })] },
  { id: 'i4' },
];

describe('customer-aware matching', () => {
  it('finds the customer catalog types and their fields', () => {
    expect(isCustomerCatalogType(customersType)).toBe(true);
    expect(isCustomerCatalogType({ ...servicesType, name: 'Organisations', categories: [] })).toBe(true);
    expect(isCustomerCatalogType(servicesType)).toBe(false);
    expect([...customerFieldIds(fields, [customersType, servicesType])]).toEqual(['cf-affected']);
  });

  it('looks the requester up by email domain and organisation, never a free-mail domain', () => {
    expect(requesterIdentifiers({ email: 'Jo@Acme.com', organisation: 'Acme Corp' })).toEqual(['acme.com', 'Acme Corp']);
    expect(requesterIdentifiers({ email: 'jo@gmail.com' })).toEqual([]);
    expect(requesterIdentifiers(undefined)).toEqual([]);
  });

  it('says which incidents list the customer, by alias or name in the embedded entry', () => {
    const fieldIds = customerFieldIds(fields, [customersType, servicesType]);
    expect([...customerLines({ incidents, fieldIds, requester: { email: 'jo@acme.com' } })]).toEqual([['i1', 'acme.com is listed as affected']]);
    expect([...customerLines({ incidents, fieldIds, requester: { organisation: 'ACME corp.' } })]).toEqual([['i1', 'ACME corp. is listed as affected']]);
    expect([...customerLines({ incidents, fieldIds, requester: { email: 'jo@initech.com' } })]).toEqual([]);
  });

  it('uses the entries incident.io found for the identifier (e.g. an alias not embedded)', () => {
    const fieldIds = new Set(['cf-affected']);
    const found = new Map([['globex.io', new Set(['e-globex'])]]);
    expect([...customerLines({ incidents, fieldIds, requester: { email: 'ann@globex.io' }, entryIdsByIdentifier: found })])
      .toEqual([['i2', 'globex.io is listed as affected']]);
  });
});
