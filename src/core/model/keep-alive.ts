/**
 * V8 drops its optimized code for a class's methods once a full GC finds no object of that class
 * alive. A decode's working objects (its reader, label index and snapshot builder) die when it
 * ends, and an idle Worker's GC soon collects them: the next large profile then decoded a fifth
 * slower while the decoder was compiled again. Decoders hand their last ones here, emptied of
 * data, so that one of each class stays alive.
 */
const kept = new Map<unknown, object>();

export function keepAlive(o: object): void {
  kept.set(o.constructor, o);
}
