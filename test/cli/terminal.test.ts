import { createServer as createTcpServer, type Server, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from './run';

// Made by scripts/pprof-oracle/craft with pprof's profile package: a function named
// "main.\x1b]0;owned\x07handler\x1b[2J" in "/src/\x1b[31mred.go", labelled tenant="\u009b6nacme".
const CONTROL_NAMES = fileURLToPath(new URL('../fixtures/foreign/control-names.pb.gz', import.meta.url));
// ESC, BEL, CSI (C1) or any other control character but newline and tab.
const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

/** A server whose status line carries an escape sequence, as a hostile endpoint could send. */
let server: Server;
let url = '';
beforeAll(async () => {
  server = createTcpServer((socket) => {
    socket.once('data', () => socket.end('HTTP/1.1 502 \x1b[2J\x1b]0;owned\x07Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/debug/pprof/goroutine`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));
afterEach(() => vi.restoreAllMocks());

describe('terminal output escapes control characters', () => {
  it.each(['top', 'traces', 'tags', 'list'])('%s prints function, file and label names escaped', async (command) => {
    const argv = command === 'list' ? ['list', 'main', CONTROL_NAMES] : [command, CONTROL_NAMES];
    const { status, stdout } = await runCli(argv);
    expect(status).toBe(0);
    expect(stdout).not.toMatch(RAW_CONTROL);
    expect(stdout).toContain(command === 'tags' ? '\\x9b6nacme' : 'main.\\x1b]0;owned\\x07handler\\x1b[2J');
  });

  it('an HTTP status line with an escape sequence is printed escaped', async () => {
    const { status, stderr } = await runCli(['top', url]);
    expect(status).toBe(1);
    expect(stderr).not.toMatch(RAW_CONTROL);
    expect(stderr).toContain('HTTP 502 \\x1b[2J\\x1b]0;owned\\x07Bad Gateway');
  });

  it('an unknown command name and a file name in an error are printed escaped', async () => {
    expect((await runCli(['\x1b[2Jtop'])).stderr).toContain('unknown command "\\x1b[2Jtop"');
    const { stderr } = await runCli(['top', 'no-such-\x1b]0;owned\x07.pb.gz']);
    expect(stderr).not.toMatch(RAW_CONTROL);
    expect(stderr).toContain('no-such-\\x1b]0;owned\\x07.pb.gz');
  });
});
