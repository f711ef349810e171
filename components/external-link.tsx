import type { ReactNode } from 'react';

/** The URL if it is http(s), else null: API-supplied links must never become `javascript:` or `data:` hrefs. */
export function safeHttpUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export interface ExternalLinkProps {
  href: string | undefined;
  children: ReactNode;
}

/** A link opening in a new tab; anything but http(s) is shown as inert text instead. */
export function ExternalLink({ href, children }: ExternalLinkProps) {
  if (!href) return null;
  const safe = safeHttpUrl(href);
  if (!safe) return <span className="inert-link">{href}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
