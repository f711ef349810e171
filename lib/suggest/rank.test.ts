import { describe, expect, it } from 'vitest';
import { analyze, customerWords, fold, ownWords } from './analyze';
import { evaluate } from './evaluate';
import { LABELLED_INCIDENTS } from './fixtures-incidents';
import { HELD_OUT, TUNING } from './labelled-set';
import { indexIncidents } from './rank';

const refOf = (id: string) => LABELLED_INCIDENTS.find((i) => i.id === id)?.reference;
const index = indexIncidents(LABELLED_INCIDENTS);

describe('labelled set (issue 11 §1 targets: top-1 ≥ 90 % related, ≤ 5 % unrelated suggested)', () => {
  it('has at least 60 tickets, 20 of them unrelated, plus a held-out part', () => {
    const all = [...TUNING, ...HELD_OUT];
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(all.filter((t) => t.expect === null).length).toBeGreaterThanOrEqual(20);
    expect(HELD_OUT.length).toBeGreaterThanOrEqual(15);
  });

  it('meets the targets on the whole set', () => {
    const q = evaluate([...TUNING, ...HELD_OUT]);
    console.info(`ranking, whole set: top-1 ${q.top1Correct}/${q.related} (${(q.top1 * 100).toFixed(1)} %), `
      + `false suggestions ${q.falseSuggestions}/${q.unrelated} (${(q.falseRate * 100).toFixed(1)} %)`, q.misses);
    expect(q.top1).toBeGreaterThanOrEqual(0.9);
    expect(q.falseRate).toBeLessThanOrEqual(0.05);
  });

  it('reports the held-out part separately (written after tuning; never tuned against)', () => {
    const q = evaluate(HELD_OUT);
    console.info(`ranking, held-out: top-1 ${q.top1Correct}/${q.related} (${(q.top1 * 100).toFixed(1)} %), `
      + `false suggestions ${q.falseSuggestions}/${q.unrelated} (${(q.falseRate * 100).toFixed(1)} %)`, q.misses);
    expect(q.top1).toBeGreaterThanOrEqual(0.9);
    // 5 unrelated tickets: one false suggestion is 20 %; the whole-set figure above carries the target.
    expect(q.falseSuggestions).toBeLessThanOrEqual(1);
  });
});

describe('analyze', () => {
  it('folds case and diacritics and stems', () => {
    expect(fold('ZAHLUNG Bestätigung')).toBe('zahlung bestatigung');
    expect(analyze('Payments failing').map((t) => t.term)).toEqual(expect.arrayContaining(['payment', 'fail']));
  });

  it('adds a synonym group term for words and phrases, before stop words are dropped', () => {
    const terms = (text: string) => analyze(text).map((t) => t.term);
    expect(terms("can't sign in")).toContain(terms('SSO login')[0]);
    expect(terms('the shop is not loading')).toContain(terms('outage')[0]);
    expect(terms('Bad Gateway')).toContain(terms('502')[0]);
    expect(terms('hello please help thanks')).toEqual([]);
  });

  it('keeps the surface word for "Matches: …"', () => {
    expect(analyze('Checkout broken').map((t) => t.surface)).toContain('checkout');
  });
});

describe('quoted history and signatures', () => {
  it('cuts quoted lines, "On … wrote:" history and Outlook headers', () => {
    expect(ownWords('Still broken.\n\nOn Mon, 2 Dec 2026, Support wrote:\nthe SSO thing')).not.toMatch(/SSO/);
    expect(ownWords('Still broken.\n> the SSO thing\nmore')).toBe('Still broken.\nmore');
    expect(ownWords('Still broken.\nFrom: Support <s@x>\nSent: Monday\nthe SSO thing')).not.toMatch(/SSO/);
  });

  it('cuts signatures at a sign-off line, but not a message that starts with thanks', () => {
    expect(ownWords('Checkout fails.\nBest regards,\nJana\nPayments: payments@x')).toBe('Checkout fails.');
    expect(ownWords('Thanks!\nThe checkout still fails at the last step.')).toMatch(/checkout/);
    expect(ownWords('Thanks,\nTom\nSent from my iPhone')).toBe('');
  });

  it('cuts per message (form-feed separated), so a later message still counts', () => {
    expect(customerWords('First.\nThanks,\nTom\fSecond: checkout fails')).toMatch(/checkout/);
  });

  it('a signature full of incident words does not produce a suggestion', () => {
    const sig = 'Best regards,\nJana\nPayments & checkout: payments@x | SSO login: portal | Download our app';
    expect(index.rank({ subject: 'Change shop name', text: `How do I rename my shop?\n\n${sig}` })).toEqual([]);
    // The same words as the customer's own text do match.
    expect(index.rank({ subject: 'Change shop name', text: 'Payments & checkout fail with 502' }).map((s) => refOf(s.incidentId))).toContain('INC-101');
  });
});

describe('rank', () => {
  it('ranks the ticket’s own INC- references first, then text matches, at most 3', () => {
    const got = index.rank({ subject: 'INC-114 and INC-113?', text: 'Checkout gives 502 errors on card payments' });
    expect(got.map((s) => [refOf(s.incidentId), s.reason])).toEqual([['INC-114', 'reference'], ['INC-113', 'reference'], ['INC-101', 'text']]);
    expect(got[0]!.matched).toEqual(['INC-114']);
  });

  it('says which of the ticket’s words matched', () => {
    const [top] = index.rank({ subject: 'checkout down', text: 'card payment fails with 502' });
    expect(refOf(top!.incidentId)).toBe('INC-101');
    expect(top!.matched).toEqual(expect.arrayContaining(['checkout', 'payment', '502']));
  });

  it('puts an incident listing the customer first, with its line', () => {
    const got = index.rank(
      { subject: 'checkout down', text: 'card payment fails with 502' },
      { customerLines: new Map([['inc113', 'acme.com is listed as affected']]) },
    );
    expect(got.map((s) => [refOf(s.incidentId), s.reason, s.customerLine])).toEqual([
      ['INC-113', 'customer', 'acme.com is listed as affected'], ['INC-101', 'text', undefined],
    ]);
  });

  it('suggests nothing for an unrelated ticket or an empty one', () => {
    expect(index.rank({ subject: 'Gift cards', text: 'Do you support gift cards?' })).toEqual([]);
    expect(index.rank({ subject: '', text: '' })).toEqual([]);
  });

  it('ignores references to incidents that are not in the open public list', () => {
    expect(index.rank({ subject: 'INC-999', text: '' })).toEqual([]);
  });
});
