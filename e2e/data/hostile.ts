/**
 * Hostile text for incident names, summaries, updates, severities and ticket subjects. Every payload
 * that could become markup carries `data-xss` (and calls `xss()`), so a test can tell at once whether
 * anything was parsed as HTML: injected elements have the attribute, executed script calls the function.
 */

export const XSS_MARK = 'data-xss';

export interface HostileSample {
  label: string;
  text: string;
}

const ZERO_WIDTH = '\u200b\u200c\u200d\u2060\ufeff';
const BIDI = '\u202e\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d';

export const HOSTILE: readonly HostileSample[] = [
  { label: 'script tag', text: `<script ${XSS_MARK}>xss('script')</script>` },
  { label: 'img onerror', text: `<img src=x ${XSS_MARK} onerror="xss('img')">` },
  { label: 'attribute breakout', text: `"><span ${XSS_MARK} onmouseover="xss('attr')">hover</span><"` },
  { label: 'svg onload', text: `<svg ${XSS_MARK} onload="xss('svg')"><circle r="9"/></svg>` },
  { label: 'javascript: URL', text: 'javascript:xss(\'href\')' },
  { label: 'anchor with javascript:', text: `<a ${XSS_MARK} href="javascript:xss('a')">Status page</a>` },
  { label: 'iframe srcdoc', text: `<iframe ${XSS_MARK} srcdoc="<script>parent.xss('iframe')</script>"></iframe>` },
  { label: 'CSS injection', text: `</style><style ${XSS_MARK}>*{display:none!important}</style><div ${XSS_MARK} style="position:fixed;inset:0;background:red">` },
  { label: 'template syntax', text: '{{constructor.constructor(\'xss("tpl")\')()}} ${xss("tpl")}' },
  { label: 'markdown link', text: '[click me](javascript:xss(\'md\'))' },
  { label: 'bidi override', text: `Refund ${BIDI[0]}gpj.exe${BIDI[2]} resolved ${BIDI}` },
  { label: 'zero-width', text: `I${ZERO_WIDTH}NC-${ZERO_WIDTH}123 pay${ZERO_WIDTH}ments` },
  { label: 'entities', text: '&lt;script&gt;xss("entity")&lt;/script&gt; &#x3C;img src=x onerror=xss(1)&#x3E;' },
];

/** A 100 kB name: layout must survive it (no freeze, no overflow hiding the controls). */
export const HUGE = `Huge ${'A'.repeat(100 * 1024)}`;

/** One string carrying every sample, for fields where one value is shown. */
export const ALL_IN_ONE = HOSTILE.map((sample) => sample.text).join(' | ');

/**
 * Installed in a page before the hostile data arrives: an executed payload calls `xss()` (recorded)
 * and `alert`/`confirm`/`prompt` are recorded too.
 */
export function installXssTrap(): void {
  const w = window as unknown as { xss: (tag: string) => void; __xssHits: string[] };
  w.__xssHits = [];
  w.xss = (tag: string) => w.__xssHits.push(tag);
  for (const name of ['alert', 'confirm', 'prompt'] as const) {
    (window as unknown as Record<string, (...args: unknown[]) => unknown>)[name] = (...args) => w.__xssHits.push(`${name}:${String(args[0])}`);
  }
}
