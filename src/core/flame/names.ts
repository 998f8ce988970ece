/**
 * A frame label that fits `maxChars`: whole when it fits, else with the package path cut from the
 * left one directory at a time (`…/leaky/store.(*DB).Query`, then `…store.(*DB).Query`), and at the
 * end the tail of the name. Empty when not even a few characters fit.
 */
export function fitName(name: string, maxChars: number): string {
  if (name.length <= maxChars) return name;
  if (maxChars < 4) return '';
  const bracket = name.search(/[[(]/);
  const head = bracket >= 0 ? name.slice(0, bracket) : name;
  for (let slash = head.indexOf('/'); slash >= 0; slash = head.indexOf('/', slash + 1)) {
    const rest = name.slice(slash);
    if (rest.length + 1 <= maxChars) return `…${rest}`;
  }
  const lastSlash = head.lastIndexOf('/');
  if (lastSlash >= 0 && name.length - lastSlash <= maxChars) return `…${name.slice(lastSlash + 1)}`;
  return `…${name.slice(name.length - (maxChars - 1))}`;
}
