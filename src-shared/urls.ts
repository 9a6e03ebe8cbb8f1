/**
 * The one rule for links that leave the app (design.md §6): an absolute `https:` URL with a host and
 * no embedded user name or password (`https://bank.example@evil.example` reads as one host and goes
 * to another). The renderer uses it to make findings links inert, main to decide what it opens.
 */

export type ExternalLinkCheck = { ok: true; href: string } | { ok: false; reason: string };

export function checkExternalLink(value: string | null | undefined): ExternalLinkCheck {
  let url: URL;
  try {
    url = new URL((value ?? '').trim());
  } catch {
    return { ok: false, reason: 'This is not a valid link.' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'Only https: links can be opened.' };
  if (url.hostname === '') return { ok: false, reason: 'This link has no host.' };
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'Links with a user name or password are not opened.' };
  }
  return { ok: true, href: url.href };
}

/** The normalised URL when the link may be opened; otherwise null. */
export function externalHttpsUrl(value: string | null | undefined): string | null {
  const check = checkExternalLink(value);
  return check.ok ? check.href : null;
}
