import { describe, expect, test } from 'vitest';
import { nameExample } from '../../src/core/query/refine-regex';

describe('nameExample', () => {
  test('a method gives its receiver type, a closure its function, with the package path', () => {
    expect(nameExample('main.(*exporter).send')).toEqual({ word: 'exporter', pkg: 'main' });
    expect(nameExample('main.(*service).lookupInventory.func1')).toEqual({ word: 'service', pkg: 'main' });
    expect(nameExample('main.handleRequest.func1')).toEqual({ word: 'handleRequest', pkg: 'main' });
    expect(nameExample('net/http.(*persistConn).readLoop')).toEqual({ word: 'persistConn', pkg: 'net/http' });
    expect(nameExample('github.com/acme/leaky/internal/queue.Drain')).toEqual({ word: 'Drain', pkg: 'github.com/acme/leaky/internal/queue' });
    expect(nameExample('main.main.gowrap1')).toEqual({ word: 'main', pkg: 'main' });
  });
});
