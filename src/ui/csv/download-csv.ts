/**
 * Hands CSV text to the browser as a file download; where it goes (asked, or the downloads folder) is the
 * browser's setting.
 */
export function downloadCsv(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = fileName;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Some browsers read the object URL only after click() returns: revoking it at once can cancel the
  // download, so the blob is let go a minute later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
