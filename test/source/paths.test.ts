import { describe, expect, it } from 'vitest';
import { goStdPath, goVersionInPath, pprofTrimPath, SuffixIndex } from '../../src/core/source/paths';

const SERVICE = '/home/dev/src/github.com/acme/leaky/cmd/service/main.go';

describe('pprof path trimming', () => {
  it('cuts everything up to the search path’s last element, as -source_path does', () => {
    expect(pprofTrimPath(SERVICE, '', '../shared/fixtures/src')).toBe('github.com/acme/leaky/cmd/service/main.go');
    expect(pprofTrimPath('/usr/lib/go-1.23/src/runtime/proc.go', '', '/tmp/src')).toBe('runtime/proc.go');
    expect(pprofTrimPath(SERVICE, '', '/work/leaky')).toBe('cmd/service/main.go');
    expect(pprofTrimPath(SERVICE, '', '/elsewhere/checkout')).toBe(SERVICE);
  });

  it('removes a configured prefix instead, with or without its trailing slash', () => {
    expect(pprofTrimPath(SERVICE, '/home/dev/src', '/x/src')).toBe('github.com/acme/leaky/cmd/service/main.go');
    expect(pprofTrimPath(SERVICE, '/nope:/home/dev/src/github.com/', '')).toBe('acme/leaky/cmd/service/main.go');
    expect(pprofTrimPath('/proc/self/cwd/pkg/a.go', '', '')).toBe('pkg/a.go');
  });
});

describe('longest path suffix matching', () => {
  const dropped = new SuffixIndex([
    'leaky/go.mod',
    'leaky/cmd/seedleaks/main.go',
    'leaky/cmd/seedleaks/listen.go',
    'leaky/cmd/fanout/main.go',
    'leaky/cmd/service/main.go',
  ]);

  it('finds the dropped file sharing the most trailing path elements', () => {
    expect(dropped.size).toBe(5);
    expect(dropped.match(SERVICE)).toBe('leaky/cmd/service/main.go');
    expect(dropped.match('/build/x/leaky/cmd/fanout/main.go')).toBe('leaky/cmd/fanout/main.go');
    expect(dropped.match('C:\\src\\cmd\\seedleaks\\listen.go')).toBe('leaky/cmd/seedleaks/listen.go');
  });

  it('never matches on the file name alone', () => {
    expect(dropped.match('/home/dev/src/other/main.go')).toBeNull();
    expect(dropped.match('/usr/lib/go-1.23/src/runtime/proc.go')).toBeNull();
  });

  it('accepts a single dropped file by its name, and prefers the shorter path on a tie', () => {
    expect(new SuffixIndex(['main.go']).match(SERVICE)).toBe('main.go');
    expect(new SuffixIndex(['a/b/service/main.go', 'service/main.go']).match(SERVICE)).toBe('service/main.go');
  });
});

describe('Go standard library files', () => {
  it('recognises GOROOT/src in the usual layouts', () => {
    expect(goStdPath('/usr/lib/go-1.23/src/runtime/proc.go')).toBe('runtime/proc.go');
    expect(goStdPath('/usr/local/go/src/net/http/server.go')).toBe('net/http/server.go');
    expect(goStdPath('/opt/homebrew/Cellar/go/1.23.4/libexec/src/sync/mutex.go')).toBe('sync/mutex.go');
    expect(goStdPath('/home/me/sdk/go1.22.5/src/internal/poll/fd_unix.go')).toBe('internal/poll/fd_unix.go');
    expect(goStdPath('C:/Program Files/Go/src/runtime/proc.go')).toBe('runtime/proc.go');
    expect(goStdPath('/home/me/go/pkg/mod/golang.org/toolchain@v0.0.1-go1.23.4.linux-amd64/src/runtime/proc.go')).toBe('runtime/proc.go');
  });

  it('leaves user code alone', () => {
    expect(goStdPath(SERVICE)).toBeNull();
    expect(goStdPath('/home/me/go/src/myapp/main.go')).toBeNull();
    expect(goStdPath('/home/me/go/pkg/mod/golang.org/x/net@v0.30.0/http2/server.go')).toBeNull();
  });

  it('reads the Go release from the path when it is there', () => {
    expect(goVersionInPath('/usr/lib/go-1.23/src/runtime/proc.go')).toBe('go1.23');
    expect(goVersionInPath('/home/me/sdk/go1.22.5/src/sync/mutex.go')).toBe('go1.22.5');
    expect(goVersionInPath('/usr/local/go/src/runtime/proc.go')).toBeNull();
    expect(goVersionInPath('/opt/homebrew/Cellar/go/1.23.4/libexec/src/sync/mutex.go')).toBe('go1.23.4');
    expect(goVersionInPath('/home/me/go/pkg/mod/golang.org/toolchain@v0.0.1-go1.23.4.linux-amd64/src/runtime/proc.go')).toBe('go1.23.4');
    expect(goVersionInPath('/home/me/go/src/myapp/main.go')).toBeNull();
  });
});
