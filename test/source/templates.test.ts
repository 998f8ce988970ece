import { describe, expect, it } from 'vitest';
import { GO_SOURCE_TEMPLATES, goSourceUrl, goTag, ruleUrl, sourceFromBody, templateProblem } from '../../src/core/source/templates';

const SERVICE = '/home/dev/src/github.com/acme/leaky/cmd/service/main.go';

describe('URL templates', () => {
  it('replace a path prefix and fill {path}', () => {
    const rule = { template: 'https://raw.githubusercontent.com/acme/leaky/4f2a9c1/{path}', from: '/home/dev/src/github.com/acme/leaky/', to: '' };
    expect(ruleUrl(rule, SERVICE)).toBe('https://raw.githubusercontent.com/acme/leaky/4f2a9c1/cmd/service/main.go');
    expect(ruleUrl({ ...rule, to: 'src/' }, SERVICE)).toBe('https://raw.githubusercontent.com/acme/leaky/4f2a9c1/src/cmd/service/main.go');
  });

  it('do not apply to paths outside the prefix', () => {
    expect(ruleUrl({ template: 'https://h/{path}', from: '/home/dev/src/', to: '' }, '/usr/lib/go-1.23/src/runtime/proc.go')).toBeNull();
    expect(ruleUrl({ template: 'https://h/{path}', from: '', to: '' }, SERVICE)).toBe(`https://h${SERVICE}`);
  });

  it('escape what a URL cannot hold but keep module versions readable', () => {
    const rule = { template: 'https://h/{path}', from: '/go/pkg/mod/', to: '' };
    expect(ruleUrl(rule, '/go/pkg/mod/golang.org/x/net@v0.30.0/a b#c.go')).toBe('https://h/golang.org/x/net@v0.30.0/a%20b%23c.go');
  });

  it('explain a template that cannot work', () => {
    expect(templateProblem('https://h/{path}')).toBeNull();
    expect(templateProblem('https://h/main.go')).toMatch(/\{path\}/);
    expect(templateProblem('h/{path}')).toMatch(/https:\/\//);
    expect(templateProblem('file:///{path}')).toMatch(/https:\/\//);
    expect(ruleUrl({ template: 'nope {path}', from: '', to: '' }, SERVICE)).toBeNull();
  });
});

describe('Go source URLs', () => {
  it('name the release tag the way Go tags it', () => {
    expect(goTag('1.23')).toBe('go1.23.0');
    expect(goTag('go1.23')).toBe('go1.23.0');
    expect(goTag(' go1.23.4 ')).toBe('go1.23.4');
    expect(goTag('1.20')).toBe('go1.20');
    expect(goTag('1.24rc1')).toBe('go1.24rc1');
    expect(goTag('master')).toBe('master');
  });

  it('point at the file of that release', () => {
    expect(goSourceUrl(GO_SOURCE_TEMPLATES.github, '1.23.4', 'runtime/proc.go')).toBe('https://raw.githubusercontent.com/golang/go/go1.23.4/src/runtime/proc.go');
    expect(goSourceUrl(GO_SOURCE_TEMPLATES.googlesource, 'go1.23', 'sync/mutex.go')).toBe('https://go.googlesource.com/go/+/refs/tags/go1.23.0/src/sync/mutex.go?format=TEXT');
  });

  it('decode Gitiles base64 bodies and pass others through', () => {
    const text = 'package sync\n\n// héllo\n';
    const b64 = Buffer.from(text).toString('base64');
    expect(sourceFromBody('https://go.googlesource.com/go/+/refs/tags/go1.23.0/src/sync/mutex.go?format=TEXT', b64)).toBe(text);
    expect(sourceFromBody('https://raw.githubusercontent.com/golang/go/go1.23.0/src/sync/mutex.go', text)).toBe(text);
  });
});
