import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { perTask } from './dom';

describe('perTask', () => {
  it('reads once within a task and again in the next one, per document', async () => {
    const docs = [new JSDOM('').window.document, new JSDOM('').window.document];
    let reads = 0;
    const read = perTask((doc: Document) => `${doc === docs[0] ? 'a' : 'b'}${++reads}`);
    expect([read(docs[0]!), read(docs[0]!)]).toEqual(['a1', 'a1']);
    expect(read(docs[1]!)).toBe('b2');
    await Promise.resolve();
    expect(read(docs[1]!)).toBe('b3');
  });
});
