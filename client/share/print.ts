/**
 * Prints the page with the map as a picture above the panel (a WebGL canvas prints blank): the
 * picture is put in place for the printout and taken away after it.
 */
export async function printWithMap(snapshot: (() => Promise<HTMLCanvasElement>) | null, alt: string): Promise<void> {
  const img = document.createElement('img');
  img.className = 'print-map';
  img.alt = alt;
  if (snapshot) {
    img.src = (await snapshot()).toDataURL('image/png');
    await img.decode().catch(() => undefined);
    document.querySelector('.layout')?.prepend(img);
  }
  // The data's attribution is printed whole, even where it is folded (a phone).
  const folded = [...document.querySelectorAll<HTMLDetailsElement>('details.attribution:not([open])')];
  for (const d of folded) d.open = true;
  const done = () => {
    img.remove();
    for (const d of folded) d.open = false;
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}
