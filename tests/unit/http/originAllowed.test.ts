import { originAllowed } from '../../../src/http/cors/originAllowed';
import { getConfig } from '../../../src/config/config';

const LOCAL = ['http://localhost:*', 'http://127.0.0.1:*', 'https://shop.example.com'];

describe('originAllowed', () => {
  test.each([
    ['http://localhost:5173', true],
    ['http://localhost:80', true],
    ['HTTP://LOCALHOST:3000', true],
    ['http://127.0.0.1:8080', true],
    ['https://shop.example.com', true],
    ['http://localhost', false],
    ['http://localhost:5173.evil.com', false],
    ['http://localhost:abc', false],
    ['https://localhost:5173', false],
    ['https://shop.example.com.evil.com', false],
    ['http://shop.example.com', false],
    ['null', false],
  ])('%s → %s', (origin, allowed) => {
    expect(originAllowed(origin, LOCAL)).toBe(allowed);
  });

  test('no origin, or no allowed origins, allows nothing', () => {
    expect(originAllowed(undefined, LOCAL)).toBe(false);
    expect(originAllowed('http://localhost:5173', [])).toBe(false);
  });
});

describe('CORS_ALLOWED_ORIGINS', () => {
  test('a comma-separated list, spaces ignored; unset or empty means none', () => {
    expect(getConfig({ CORS_ALLOWED_ORIGINS: ' http://localhost:* , https://a.example ' }).CORS_ALLOWED_ORIGINS).toEqual([
      'http://localhost:*',
      'https://a.example',
    ]);
    expect(getConfig({}).CORS_ALLOWED_ORIGINS).toEqual([]);
    expect(getConfig({ CORS_ALLOWED_ORIGINS: '' }).CORS_ALLOWED_ORIGINS).toEqual([]);
  });

  test.each(['*', 'https://*.example.com', 'https://a.example/path', 'ftp://a.example'])(
    '%s is refused, naming the variable',
    (value) => {
      expect(() => getConfig({ CORS_ALLOWED_ORIGINS: value })).toThrow(/CORS_ALLOWED_ORIGINS/);
    },
  );
});
