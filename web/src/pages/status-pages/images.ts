// Image uploads of a status page: the file is read in the browser and sent as base64 to
// `setStatusPageImage`. The checks here only spare a round trip for what is certainly refused
// (an SVG, a file too large); the server looks at the bytes and has the last word. Pure, so it is
// unit-tested.
import type { StatusPageFieldsFragment, StatusPageImageKind } from '../../gql/graphql';

/** At most 700 KiB, what fits a 1 MiB request in base64 (the server's limit). */
export const MAX_IMAGE_BYTES = 700 * 1024;

export const ACCEPTED_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/x-icon', 'image/vnd.microsoft.icon'];

export const IMAGE_KINDS: { kind: StatusPageImageKind; label: string; description: string; field: keyof StatusPageFieldsFragment }[] = [
  { kind: 'LOGO', label: 'Logo', description: 'At the top of the page, beside its name.', field: 'logoUrl' },
  { kind: 'HERO', label: 'Cover image', description: 'Across the page, under the header.', field: 'heroCoverUrl' },
  { kind: 'FAVICON', label: 'Favicon', description: 'The browser tab’s icon (ICO or PNG).', field: 'faviconUrl' },
  { kind: 'EMAIL_LOGO', label: 'Email logo', description: 'At the top of subscriber emails.', field: 'emailLogoUrl' },
  { kind: 'TWITTER_LOGO', label: 'Social card image', description: 'Shown when the page is shared.', field: 'twitterLogoUrl' },
];

/** The content type to declare for a file: what the browser says, or the extension's. */
export function contentTypeOf(file: { name: string; type: string }): string {
  if (file.type) return file.type === 'image/vnd.microsoft.icon' ? 'image/x-icon' : file.type;
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  const byExt: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', ico: 'image/x-icon' };
  return byExt[ext] ?? '';
}

/** Why a file cannot be sent, or null when the server should judge it. */
export function checkImage(file: { name: string; type: string; size: number }): string | null {
  const type = contentTypeOf(file);
  if (type === 'image/svg+xml' || file.name.toLowerCase().endsWith('.svg')) return 'SVG is not accepted (it can carry script): use PNG, JPEG, WebP or ICO';
  if (!type) return 'Use a PNG, JPEG, WebP or ICO image';
  if (file.size === 0) return 'The file is empty';
  if (file.size > MAX_IMAGE_BYTES) return `The image must be at most 700 KiB (this one is ${Math.ceil(file.size / 1024)} KiB)`;
  return null;
}

/** Standard base64 of bytes, in chunks so that large files do not overflow the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** A file as what the mutation takes, plus a data URL for the preview. */
export async function readImage(file: File): Promise<{ contentType: string; dataBase64: string; dataUrl: string }> {
  const contentType = contentTypeOf(file);
  const dataBase64 = toBase64(new Uint8Array(await file.arrayBuffer()));
  return { contentType, dataBase64, dataUrl: `data:${contentType};base64,${dataBase64}` };
}
