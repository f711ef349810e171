import { describe, expect, it } from 'vitest';
import { flattenMarkdown } from './flatten-markdown';

describe('flattenMarkdown', () => {
  it('keeps the words of emphasis, code, links and images, dropping the markup', () => {
    expect(flattenMarkdown('We have **identified** the _cause_: a bad `config` push. See [our status page](https://status.acme.com) ![chart](x.png)'))
      .toBe('We have identified the cause: a bad config push. See our status page chart');
  });

  it('turns headings, quotes and list items into sentences on one line', () => {
    expect(flattenMarkdown('## Update\n\nAffected:\n- Checkout\n- Payments API\n\n> Fix deployed at 14:05.'))
      .toBe('Update. Affected: Checkout. Payments API. Fix deployed at 14:05.');
  });

  it('numbered lists, task boxes, rules and fenced code', () => {
    expect(flattenMarkdown('1. Rolled back\n2) [x] Verified\n\n---\n```\nerror 502\n```'))
      .toBe('Rolled back. Verified. error 502');
  });

  it('leaves snake_case and arithmetic alone but undoes escapes and entities', () => {
    expect(flattenMarkdown('The payment_api job (2 * 3 retries) failed \\*again\\* &amp; recovered.'))
      .toBe('The payment_api job (2 * 3 retries) failed *again* & recovered.');
  });

  it('drops inline HTML and keeps plain text as it is', () => {
    expect(flattenMarkdown('Service <b>restored</b>.<br>Thanks for your patience.')).toBe('Service restored.Thanks for your patience.');
    expect(flattenMarkdown('All systems operational.')).toBe('All systems operational.');
    expect(flattenMarkdown('')).toBe('');
  });
});
