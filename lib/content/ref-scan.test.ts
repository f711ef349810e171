// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findIncidentRefs } from '@/lib/incident-io/reference';
import { refMatches, textNodesWithRefs } from './ref-scan';

describe('refMatches', () => {
  it('finds every reference with its offsets, normalised', () => {
    const text = 'See INC-123 and inc-45, not XINC-9 or INC-12a or INC-99999999999 or INC-00000000007.';
    expect(refMatches(text)).toEqual([
      { ref: 'INC-123', start: 4, end: 11 },
      { ref: 'INC-45', start: 16, end: 22 },
    ]);
    expect(text.slice(16, 22)).toBe('inc-45');
  });

  it('accepts references at the very start and end and around punctuation', () => {
    expect(refMatches('INC-1').map((m) => m.ref)).toEqual(['INC-1']);
    expect(refMatches('(INC-7), "INC-8".').map((m) => m.ref)).toEqual(['INC-7', 'INC-8']);
  });

  it('agrees with findIncidentRefs on any text, non-ASCII neighbours included', () => {
    const pieces = ['INC-', 'inc-', 'INC', '-', '1', '7', '0', '12345678901', ' ', '.', '(', '_', 'x', 'Z', 'é', 'ß', '中', 'Ⅻ', '٣', '‐', '𝒜', '😀', '\n'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
      const text = parts.join('');
      expect([...new Set(refMatches(text).map((m) => m.ref))]).toEqual(findIncidentRefs(text));
    }), { numRuns: 2000 });
  });

  it('is empty for text without references', () => {
    expect(refMatches('Nothing to see at 12:00 INC')).toEqual([]);
  });
});

describe('textNodesWithRefs', () => {
  it('reads message text, not what the agent is typing or scripts', () => {
    document.body.innerHTML = `
      <div id="msg"><p>Related to <b>INC-123</b>? Also INC-456.</p><script>var x = "INC-9";</script></div>
      <textarea>INC-777</textarea><div contenteditable="true"><p>INC-888</p></div>`;
    const found = textNodesWithRefs(document.body);
    expect(found.map(({ node, matches }) => [node.data, matches.map((m) => m.ref)])).toEqual([
      ['INC-123', ['INC-123']],
      ['? Also INC-456.', ['INC-456']],
    ]);
  });

  it('reads a single text node too (a message edited in place)', () => {
    const node = document.createTextNode('now INC-5');
    document.body.replaceChildren(node);
    expect(textNodesWithRefs(node)).toEqual([{ node, matches: [{ ref: 'INC-5', start: 4, end: 9 }] }]);
  });
});
