/** An inbox link (absolute, from APP_BASE_URL, or a path) as a path inside this app. */
export function appPath(link: string | null | undefined): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, window.location.origin);
    return url.pathname + url.search + url.hash;
  } catch {
    return null;
  }
}

/**
 * An inbox item's text as the inbox shows it. Items carry the text of their email, written
 * to be read in a mail client: the subject's "[…]" tag, the address to open (the inbox has
 * its own "Open" link) and the signature after "--" add nothing here.
 */
export function inboxTitle(title: string): string {
  return title.replace(/^\[[^\]]*\]\s*/, '');
}

export function inboxBody(body: string, link: string | null | undefined): string {
  const lines = body.split(/\r?\n/);
  const signature = lines.findIndex((line) => /^--\s*$/.test(line));
  const kept = signature >= 0 ? lines.slice(0, signature) : lines;
  const isLink = (line: string) => !!link && line.trim() === link.trim();
  const out: string[] = [];
  for (const [index, line] of kept.entries()) {
    if (isLink(line)) continue;
    // The label introducing the address ("Xem xét hồ sơ:") goes with it.
    if (line.trim().endsWith(':') && index + 1 < kept.length && isLink(kept[index + 1])) continue;
    out.push(line);
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
