import { describe, expect, it } from 'vitest';
import { DESKTOP, deviceOf, PHONE } from './media.ts';

const ANDROID =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1';
const IPAD =
  'Mozilla/5.0 (iPad; CPU OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/604.1';
const DESKTOP_FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

describe('the server’s guess of the screen', () => {
  it('takes a phone for a phone when Chromium says so, whatever its user agent', () => {
    expect(deviceOf({ 'sec-ch-ua-mobile': '?1', 'user-agent': DESKTOP_FIREFOX })).toEqual(PHONE);
    expect(deviceOf({ 'sec-ch-ua-mobile': '?0', 'user-agent': ANDROID })).toEqual(DESKTOP);
  });

  it('reads a phone from the user agent of a browser that sends no hint (Safari, Firefox)', () => {
    expect(deviceOf({ 'user-agent': IPHONE })).toEqual(PHONE);
    expect(deviceOf({ 'user-agent': ANDROID })).toEqual(PHONE);
  });

  it('draws a tablet, a desktop and an unknown browser as a desktop (the browser corrects it)', () => {
    expect(deviceOf({ 'user-agent': IPAD })).toEqual(DESKTOP);
    expect(deviceOf({ 'user-agent': DESKTOP_FIREFOX })).toEqual(DESKTOP);
    expect(deviceOf({})).toEqual(DESKTOP);
  });
});
