/**
 * The file name the API gives (Content-Disposition, the UTF-8 form first; a plain name only when
 * it is not the ASCII stand-in with `_` for the characters it could not carry), else a fallback.
 */
export function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      /* fall through */
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(cd);
  return plain && !plain[1].includes('_') ? plain[1] : fallback;
}

/**
 * Saves a blob the portal fetched (with the bearer token, so no plain link would do) under a name,
 * through a transient link; the object URL is released once the browser has taken the file.
 */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
