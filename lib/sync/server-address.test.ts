import { describe, expect, it } from 'vitest';
import { readServerAddress } from './server-address';

describe('readServerAddress', () => {
  it.each([
    ['https://dav.example.com/', 'https://dav.example.com/', 'https://dav.example.com/*'],
    ['dav.example.com', 'https://dav.example.com/', 'https://dav.example.com/*'],
    [
      '  https://cloud.example.org:8443/remote.php/dav  ',
      'https://cloud.example.org:8443/remote.php/dav',
      'https://cloud.example.org:8443/*',
    ],
    ['http://127.0.0.1:5232/', 'http://127.0.0.1:5232/', 'http://127.0.0.1:5232/*'],
    ['http://localhost:8000/dav/', 'http://localhost:8000/dav/', 'http://localhost:8000/*'],
  ])('reads %s as %s, asking for %s', (typed, url, pattern) => {
    expect(readServerAddress(typed)).toEqual({
      ok: true,
      url,
      origin: new URL(url).origin,
      pattern,
    });
  });

  it.each([
    ['', 'invalid'],
    ['   ', 'invalid'],
    ['ftp://dav.example.com/', 'invalid'],
    ['https://', 'invalid'],
    ['https://alice:secret@dav.example.com/', 'invalid'],
    ['http://dav.example.com/', 'insecure'],
    ['http://192.168.1.10/', 'insecure'],
  ])('refuses %j as %s', (typed, problem) => {
    expect(readServerAddress(typed)).toEqual({ ok: false, problem });
  });
});
