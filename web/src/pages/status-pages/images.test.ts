import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_BYTES, checkImage, contentTypeOf, toBase64 } from './images';

describe('image uploads', () => {
  it('declares the type the browser gives, or the extension’s', () => {
    expect(contentTypeOf({ name: 'logo.png', type: 'image/png' })).toBe('image/png');
    expect(contentTypeOf({ name: 'favicon.ico', type: 'image/vnd.microsoft.icon' })).toBe('image/x-icon');
    expect(contentTypeOf({ name: 'photo.JPEG', type: '' })).toBe('image/jpeg');
    expect(contentTypeOf({ name: 'notes', type: '' })).toBe('');
  });

  it('refuses SVG, other files, empty and oversized ones before sending', () => {
    expect(checkImage({ name: 'logo.svg', type: 'image/svg+xml', size: 10 })).toMatch(/SVG is not accepted/);
    expect(checkImage({ name: 'logo.svg', type: '', size: 10 })).toMatch(/SVG is not accepted/);
    expect(checkImage({ name: 'notes', type: '', size: 10 })).toMatch(/PNG, JPEG/);
    expect(checkImage({ name: 'a.png', type: 'image/png', size: 0 })).toMatch(/empty/);
    expect(checkImage({ name: 'a.png', type: 'image/png', size: MAX_IMAGE_BYTES + 1 })).toMatch(/at most 700 KiB/);
    expect(checkImage({ name: 'a.png', type: 'image/png', size: MAX_IMAGE_BYTES })).toBeNull();
    // The server judges the bytes: a text file named .png is sent, and refused there.
    expect(checkImage({ name: 'fake.png', type: 'image/png', size: 12 })).toBeNull();
  });

  it('encodes bytes as standard base64, large files included', () => {
    expect(toBase64(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe('iVBORw==');
    const big = new Uint8Array(MAX_IMAGE_BYTES).map((_, i) => i % 256);
    expect(toBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });
});
