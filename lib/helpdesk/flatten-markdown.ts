/**
 * Markdown (a status page update) as one line of plain text for a customer reply: the words stay,
 * the markup goes. Not a renderer: a status page update is short prose, lists and links, so a few
 * line rules cover it and keep the content script's bundle free of a markdown parser.
 */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

export function flattenMarkdown(markdown: string): string {
  const lines: string[] = [];
  let fenced = false;
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*(```|~~~)/.test(raw)) {
      fenced = !fenced;
      continue;
    }
    let line = raw.trim();
    if (!fenced) {
      line = line
        .replace(/^(?:>\s*)+/, '') // quotes
        .replace(/^#{1,6}\s+/, '') // headings
        .replace(/^(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '') // list items, task boxes
        .replace(/^([-*_])(?:\s*\1){2,}$/, ''); // rules
    }
    if (line) lines.push(fenced ? line : inline(line));
  }
  return lines
    // A line without its own full stop is a sentence of its own (a heading, a list item).
    .map((line, i) => (i < lines.length - 1 && !/[.!?:;,]$/.test(line) ? `${line}.` : line))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escaped characters are set aside first so the markup rules can't take them for markup. */
const ESCAPED = /\\([\\`*_{}[\]()#+\-.!>~|])/g;
const HELD = /\uE000(\d+)\uE001/g;

function inline(text: string): string {
  return text
    .replace(ESCAPED, (_, char: string) => `\uE000${char.charCodeAt(0)}\uE001`)
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images: their alt text
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1') // links: their text
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1') // reference links
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1') // autolinks
    .replace(/<\/?[a-z][^>]*>/gi, '') // inline HTML
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\s](?:[^*_]*[^*_\s])?)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(HELD, (_, code: string) => String.fromCharCode(Number(code)));
}
