/**
 * The address a picture named by the server loads from. The server answers absolute URLs
 * (its public base URL, or signed object-storage URLs); a path under the API it may still
 * send (`/api/v1/uploads/…`) is resolved here against the API base, because WeChat's
 * `<image>` and previewImage read a path starting with "/" as a file of the code package.
 * In the H5 build the base is '' and the path stays same-origin. Absolute URLs, data URIs
 * and the phone's temporary files (wxfile://, http://tmp/) are left as they are.
 */
export function mediaUrl(url: string): string;
export function mediaUrl(url: string | null): string | null;
export function mediaUrl(url: string | null): string | null {
  if (url === null || !url.startsWith('/')) return url;
  if (url.startsWith('//')) return `https:${url}`;
  return API_BASE_URL + url;
}

/**
 * Rich text (a campaign's story, an event's description, a careers guide) with its pictures'
 * server paths resolved like mediaUrl: `<rich-text>` in WeChat reads `<img src="/…">` as a
 * file of the package, so an uploaded picture in the HTML would not show.
 */
export function mediaInHtml(html: string): string {
  return html.replace(/(<img\b[^>]*?\bsrc\s*=\s*)(["'])(\/[^"']*)\2/gi, (_match, head: string, quote: string, src: string) => {
    return `${head}${quote}${mediaUrl(src)}${quote}`;
  });
}
