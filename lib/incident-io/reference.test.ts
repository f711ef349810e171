import { describe, expect, it } from 'vitest';
import { findIncidentRefs, parseIncidentRef, pathIdFor } from './reference';

const ULID = '01HZX3K9Q8V7T6S5R4P3N2M1JK';
const inc = (number: number) => ({ kind: 'number', number, reference: `INC-${number}` }) as const;

describe('parseIncidentRef', () => {
  it.each([
    ['INC-123', inc(123)],
    ['inc-123', inc(123)],
    ['Inc-7', inc(7)],
    ['INC 123', inc(123)],
    [' INC 123 ', inc(123)],
    ['INC123', inc(123)],
    ['INC – 45', inc(45)],
    ['INC\u201145', inc(45)],
    ['123', inc(123)],
    ['#123', inc(123)],
    ['# 12', inc(12)],
    ['(INC-123)', inc(123)],
    ['INC-123.', inc(123)],
    ['“INC-9”,', inc(9)],
    ['INC-007', inc(7)],
    [String(2 ** 31 - 1), inc(2 ** 31 - 1)],
    ['https://app.incident.io/acme/incidents/123', inc(123)],
    ['https://app.incident.io/incidents/123', inc(123)],
    ['https://app.incident.io/acme/incidents/123?tab=timeline#update-4', inc(123)],
    ['https://app.incident.io/acme/incidents/123/', inc(123)],
    ['https://app.incident.io/acme/incidents/123/timeline', inc(123)],
    ['https://app.incident.io/acme/incidents/INC-123', inc(123)],
    ['<https://APP.incident.io/acme/incidents/55>', inc(55)],
    [`https://app.incident.io/acme/incidents/${ULID}`, { kind: 'id', id: ULID }],
    [`https://app.incident.io/incidents/${ULID}?x=1`, { kind: 'id', id: ULID }],
    [ULID, { kind: 'id', id: ULID }],
    [ULID.toLowerCase(), { kind: 'id', id: ULID }],
  ])('%j → %j', (input, expected) => {
    expect(parseIncidentRef(input)).toEqual(expected);
  });

  it.each([
    '',
    '   ',
    'hello',
    'INC-',
    'INC-abc',
    'INC--5',
    'INCIDENT-5',
    'XINC-5',
    '0',
    'INC-0',
    '-5',
    'INC-5.5',
    '12 34',
    String(2 ** 31),
    '99999999999',
    'https://example.com/incidents/123',
    'https://app.incident.io.evil.com/acme/incidents/123',
    'https://app.incident.io/acme/settings/123',
    'https://app.incident.io/a/b/incidents/123',
    'https://app.incident.io/acme/incidents/',
    'https://app.incident.io/acme/incidents/banana',
    'ftp://app.incident.io/incidents/123',
    '81HZX3K9Q8V7T6S5R4P3N2M1JK', // first ULID character beyond 7
    '01HZX3K9Q8V7T6S5R4P3N2M1JU', // U is not Crockford base32
  ])('rejects %j', (input) => {
    expect(parseIncidentRef(input)).toBeNull();
  });
});

describe('findIncidentRefs', () => {
  it.each([
    ['Customer hit INC-123 and INC-45.', ['INC-123', 'INC-45']],
    ['(INC-123) duplicate of INC-123, see inc-9', ['INC-123', 'INC-9']],
    ['INC-123.', ['INC-123']],
    ['Refs:INC-1;INC-2', ['INC-1', 'INC-2']],
    ['XINC-1 INC-1a INC-12_3 inc-', []],
    ['INC-0 and INC-99999999999 are not references', []],
    ['no references here, just 123 and #45', []],
    ['line one INC-7\nline two INC-8', ['INC-7', 'INC-8']],
  ])('%j → %j', (text, expected) => {
    expect(findIncidentRefs(text)).toEqual(expected);
  });
});

describe('pathIdFor', () => {
  it('uses the number for references and the ULID for ids', () => {
    expect(pathIdFor(inc(123))).toBe('123');
    expect(pathIdFor({ kind: 'id', id: ULID })).toBe(ULID);
  });

  it('round-trips what parseIncidentRef accepts', () => {
    const ref = parseIncidentRef('https://app.incident.io/acme/incidents/INC-88');
    expect(ref && pathIdFor(ref)).toBe('88');
  });
});
