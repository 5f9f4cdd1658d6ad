/**
 * Hands a file to the browser as a download (H5 build only: the mini-program has no DOM).
 * `url` is a blob: URL (a download's temp path in H5) or a data: URL.
 */
export function saveInBrowser(url: string, filename: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/** A text file (e.g. an .ics calendar entry) as a blob: URL the browser can save. */
export function textFileUrl(text: string, type: string): string {
  return URL.createObjectURL(new Blob([text], { type }));
}
