/**
 * QR codes: drawing one (`qrcode`) and reading one from a camera frame (`jsqr`). Both
 * libraries are loaded on first use only, so they stay out of the initial bundle.
 */

type QrCodeLib = typeof import('qrcode');
type JsQr = (typeof import('jsqr'))['default'];

/** A CommonJS module seen through a dynamic import: the exports, or the exports under `default`. */
function exportsOf<T extends object>(mod: T & { default?: unknown }, key: string): T {
  const inner = mod.default as (T & Record<string, unknown>) | undefined;
  return inner && typeof inner === 'object' && Object.prototype.hasOwnProperty.call(inner, key) ? inner : mod;
}

/** The QR code of `text` as an SVG image address (`data:image/svg+xml,…`), dark on white. */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const mod = await import('qrcode');
  const lib = exportsOf<QrCodeLib>(mod, 'toString');
  const svg = await lib.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** The decoder of QR codes in image data (RGBA pixels). */
export type QrDecoder = (data: Uint8ClampedArray, width: number, height: number) => string | null;

export async function loadQrDecoder(): Promise<QrDecoder> {
  const mod = (await import('jsqr')) as unknown as { default?: JsQr | { default?: JsQr } };
  const candidate = mod.default;
  const jsQR: JsQr | undefined =
    typeof candidate === 'function' ? candidate : typeof candidate?.default === 'function' ? candidate.default : (mod as unknown as JsQr);
  if (typeof jsQR !== 'function') throw new Error('jsqr did not load');
  return (data, width, height) => jsQR(data, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}
