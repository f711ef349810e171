// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { RefHighlighter } from './ref-highlighter';

function page(...texts: string[]) {
  document.body.innerHTML = texts.map((text, i) => `<div class="msg" id="m${i}"><p>${text}</p></div>`).join('');
  const roots = [...document.querySelectorAll('.msg')];
  return { roots, highlighter: new RefHighlighter(document) };
}

describe('RefHighlighter', () => {
  it('reads only the roots it is shown, and reads a root that stays shown only once', () => {
    const { roots, highlighter } = page('About INC-1.', 'Nothing here.', 'INC-2 and INC-3', 'Later: INC-4');
    expect(highlighter.show([roots[0]!, roots[1]!])).toEqual(['INC-1']);
    expect(highlighter.show([roots[1]!, roots[2]!])).toEqual(['INC-2', 'INC-3']);
    expect(highlighter.rootOf(roots[0]!.firstChild!)).toBeUndefined(); // scrolled away: forgotten
    expect(highlighter.rootOf(roots[2]!.querySelector('p')!)).toBe(roots[2]);
    expect(highlighter.show([roots[2]!])).toEqual([]);
  });

  it('marks the text nodes that hold references, and unmarks them when their root leaves', () => {
    const { roots, highlighter } = page('See INC-7 today');
    const text = roots[0]!.querySelector('p')!.firstChild as Text;
    expect(highlighter.isEmpty).toBe(true);
    highlighter.show(roots);
    expect(highlighter.marks(text)).toBe(true);
    expect(highlighter.isEmpty).toBe(false);
    highlighter.show([]);
    expect(highlighter.marks(text)).toBe(false);
    expect(highlighter.isEmpty).toBe(true);
  });

  it('reads a root again after its text changed, and drops what left the document', () => {
    const { roots, highlighter } = page('See INC-7', 'And INC-8');
    highlighter.show(roots);
    const text = roots[0]!.querySelector('p')!.firstChild as Text;
    text.data = 'See INC-9 instead';
    expect(highlighter.reread(roots[0]!)).toEqual(['INC-9']);
    roots[1]!.remove();
    highlighter.prune();
    expect(highlighter.rootOf(roots[1]!)).toBeUndefined();
    expect(highlighter.rootOf(text)).toBe(roots[0]);
  });
});
