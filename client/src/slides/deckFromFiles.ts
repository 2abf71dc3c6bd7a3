import {
  MAX_SLIDE_BYTES,
  MAX_SLIDES,
  SLIDE_TYPES,
  type SlideDeckUpload,
  type SlideType,
} from '../../../shared/protocol/index.ts';

/** Pages are rendered this wide: sharp on a projector-sized screen, small enough for school tablets. */
const PAGE_WIDTH = 1600;

export class DeckError extends Error {
  constructor(
    readonly key: 'slides.tooMany' | 'slides.badFile' | 'slides.tooLarge',
    readonly detail: string,
  ) {
    super(detail);
  }
}

type Page = SlideDeckUpload['pages'][number];

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

async function canvasPage(canvas: HTMLCanvasElement, text: string): Promise<Page> {
  const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/webp', 0.85));
  if (!blob) throw new DeckError('slides.badFile', 'the page could not be encoded');
  // Browsers without a WebP encoder fall back to PNG; the server checks the bytes either way.
  const type = (SLIDE_TYPES as readonly string[]).includes(blob.type)
    ? (blob.type as SlideType)
    : 'image/png';
  return { type, data: base64(new Uint8Array(await blob.arrayBuffer())), text: text.slice(0, 4000) };
}

/** Each PDF page becomes an image plus its text (so screen readers can read the slide). */
async function pdfPages(file: File): Promise<Page[]> {
  const pdfjs = await import('pdfjs-dist');
  const worker = await import('pdfjs-dist/build/pdf.worker.min.mjs?url');
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  const pdf = await pdfjs.getDocument({ data: new Uint8Array(await file.arrayBuffer()) }).promise;
  if (pdf.numPages > MAX_SLIDES) throw new DeckError('slides.tooMany', `${pdf.numPages}`);
  const pages: Page[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: PAGE_WIDTH / base.width });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(viewport.width);
    canvas.height = Math.round(viewport.height);
    await page.render({ canvasContext: canvas.getContext('2d')!, viewport }).promise;
    const content = await page.getTextContent();
    const text = content.items
      .map((i) => ('str' in i ? i.str : ''))
      .join(' ')
      .replace(/[\u0000-\u001f\u007f]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    pages.push(await canvasPage(canvas, text));
  }
  await pdf.destroy();
  return pages;
}

/** An image is sent as it is when small enough, or scaled down to PAGE_WIDTH. */
async function imagePage(file: File): Promise<Page> {
  if (file.size <= MAX_SLIDE_BYTES && (SLIDE_TYPES as readonly string[]).includes(file.type)) {
    return { type: file.type as SlideType, data: base64(new Uint8Array(await file.arrayBuffer())), text: '' };
  }
  const bitmap = await createImageBitmap(file).catch(() => {
    throw new DeckError('slides.badFile', file.name);
  });
  const scale = Math.min(1, PAGE_WIDTH / bitmap.width);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return canvasPage(canvas, '');
}

/** A PDF, or images in name order (page-01.png, page-02.png …), as one deck. */
export async function deckFromFiles(files: File[]): Promise<SlideDeckUpload> {
  const pdf = files.find((f) => f.type === 'application/pdf' || f.name.toLowerCase().endsWith('.pdf'));
  const pages = pdf
    ? await pdfPages(pdf)
    : await Promise.all(
        [...files].sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true })).map(imagePage),
      );
  if (pages.length > MAX_SLIDES) throw new DeckError('slides.tooMany', `${pages.length}`);
  const big = pages.findIndex((p) => (p.data.length * 3) / 4 > MAX_SLIDE_BYTES);
  if (big >= 0) throw new DeckError('slides.tooLarge', `${big + 1}`);
  return { pages };
}
