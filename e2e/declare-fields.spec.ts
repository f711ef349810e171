import type { Page } from '@playwright/test';
import { SEED_FIELDS } from '../sandbox/seed-directory';
import { connect, expect, KEYS, sandbox, test } from './fixtures';

type Entry = { custom_field: { name: string }; values: { value_option?: { value: string }; value_catalog_entry?: { id: string; name: string }; value_text?: string; value_link?: string; value_numeric?: string }[] };
type SandboxIncident = { name: string; custom_field_entries: Entry[] };

async function openDeclare(panel: Page) {
  await connect(panel, KEYS.full);
  await expect(panel.getByText(/Connected as/)).toBeVisible();
  await panel.getByRole('tab', { name: 'Declare' }).click();
}

const declaredNamed = async (name: string) =>
  ((await sandbox.incidents()).incidents as unknown as SandboxIncident[]).filter((i) => i.name === name);

/** What an incident shows per field, in the field's own words. */
const shown = (incident: SandboxIncident) => Object.fromEntries(incident.custom_field_entries.map((e) => [
  e.custom_field.name,
  e.values.map((v) => v.value_option?.value ?? v.value_catalog_entry?.name ?? v.value_text ?? v.value_link ?? v.value_numeric),
]));

test.describe('Declare with the organisation’s custom fields', () => {
  test('each field type and a catalog field searched by typing end up on the incident', async ({ panel }) => {
    await openDeclare(panel);
    await panel.getByRole('textbox', { name: 'Name' }).fill('Checkout fails for Acme');
    await panel.getByRole('combobox', { name: SEED_FIELDS.product }).selectOption({ label: 'Checkout' });
    await expect(panel.getByRole('combobox', { name: SEED_FIELDS.product })).toHaveAccessibleDescription('The part of the product customers see failing.');
    await panel.getByRole('listbox', { name: SEED_FIELDS.regions, exact: true }).selectOption([{ label: 'EU' }, { label: 'UK' }]);
    await panel.getByRole('textbox', { name: SEED_FIELDS.impact }).fill('Card payments fail at the last step');
    await panel.getByRole('textbox', { name: SEED_FIELDS.runbook }).fill('https://runbooks.example.com/checkout');
    await panel.getByRole('textbox', { name: SEED_FIELDS.tickets }).fill('12');

    await sandbox.clearRequests();
    const customers = panel.getByRole('combobox', { name: SEED_FIELDS.customers });
    await customers.pressSequentially('Acme', { delay: 30 });
    const match = panel.getByRole('listbox', { name: `${SEED_FIELDS.customers} matches` }).getByRole('option', { name: 'Acme Corp' });
    await expect(match).toBeVisible();
    await customers.press('Enter');
    await expect(panel.getByRole('list', { name: `${SEED_FIELDS.customers}: chosen` })).toContainText('Acme Corp');
    // Debounced, paged: typing "Acme" is not one search per key, and no request asks for more than 25 entries
    // except the scan's own pages (250 is the API's maximum).
    const catalogReads = (await sandbox.requests()).requests.filter((r) => r.path === '/v3/catalog_entries');
    expect(catalogReads.filter((r) => /identifier=/.test(r.query))).toHaveLength(1);

    await panel.getByRole('button', { name: 'Declare', exact: true }).click();
    await expect(panel.getByText(/INC-\d+ declared/)).toBeVisible();
    const [incident] = await declaredNamed('Checkout fails for Acme');
    expect(shown(incident!)).toEqual({
      [SEED_FIELDS.product]: ['Checkout'],
      [SEED_FIELDS.regions]: ['EU', 'UK'],
      [SEED_FIELDS.impact]: ['Card payments fail at the last step'],
      [SEED_FIELDS.runbook]: ['https://runbooks.example.com/checkout'],
      [SEED_FIELDS.tickets]: ['12'],
      [SEED_FIELDS.customers]: ['Acme Corp'],
    });
    // The entry's id was sent, never its name.
    expect(incident!.custom_field_entries.find((e) => e.custom_field.name === SEED_FIELDS.customers)?.values[0]?.value_catalog_entry?.id)
      .toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  test('a 422 naming a field is shown on that field and the draft is kept, also across a reopen', async ({ panel }) => {
    await openDeclare(panel);
    await panel.getByRole('textbox', { name: 'Name' }).fill('Runbook check');
    await panel.getByRole('textbox', { name: SEED_FIELDS.impact }).fill('Slow checkout');
    await panel.getByRole('textbox', { name: SEED_FIELDS.runbook }).fill('https://runbooks.example.com/gone');
    // Entries are sent in the fields' order: impact is entry 0, the runbook entry 1.
    await sandbox.faults([{
      method: 'POST', path: '^/v2/incidents$', status: 422, times: 1,
      body: {
        type: 'validation_error', status: 422, request_id: 'req-fields-422',
        errors: [{ code: 'invalid_value', message: 'The runbook link must point at a published runbook', source: { field: 'custom_field_entries.1.values.0.value_link' } }],
      },
    }]);
    await panel.getByRole('button', { name: 'Declare', exact: true }).click();
    const runbook = panel.getByRole('textbox', { name: SEED_FIELDS.runbook });
    await expect(runbook).toHaveAttribute('aria-invalid', 'true');
    await expect(runbook).toHaveAccessibleDescription(/The runbook link must point at a published runbook/);
    const alert = panel.locator('.field', { has: runbook }).getByRole('alert');
    await expect(alert).toHaveText('The runbook link must point at a published runbook');
    await expect(panel.getByRole('textbox', { name: SEED_FIELDS.impact })).not.toHaveAttribute('aria-invalid', 'true');
    expect(await declaredNamed('Runbook check')).toHaveLength(0);

    await panel.reload();
    await panel.getByRole('tab', { name: 'Declare' }).click();
    await expect(panel.getByRole('textbox', { name: 'Name' })).toHaveValue('Runbook check');
    await expect(panel.getByRole('textbox', { name: SEED_FIELDS.impact })).toHaveValue('Slow checkout');
    await expect(panel.getByRole('textbox', { name: SEED_FIELDS.runbook })).toHaveValue('https://runbooks.example.com/gone');
    await panel.getByRole('textbox', { name: SEED_FIELDS.runbook }).fill('https://runbooks.example.com/checkout');
    await panel.getByRole('button', { name: 'Declare', exact: true }).click();
    await expect(panel.getByText(/INC-\d+ declared/)).toBeVisible();
    const [incident] = await declaredNamed('Runbook check');
    expect(shown(incident!)).toEqual({ [SEED_FIELDS.impact]: ['Slow checkout'], [SEED_FIELDS.runbook]: ['https://runbooks.example.com/checkout'] });
  });
});
