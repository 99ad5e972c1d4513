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
