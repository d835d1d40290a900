/**
 * The graph's viewport: zoom (buttons, Ctrl+wheel, fit to view) and a scroll position that
 * survives every redraw, so an edit in the editor never throws the reader back to the top left.
 * The SVG keeps its viewBox; zooming changes only its rendered size, and the canvas scrolls it.
 */
const MIN_ZOOM = 0.2;
const MAX_ZOOM = 3;
const STEP = 1.25;

export interface ZoomTexts {
  zoomIn: string;
  zoomOut: string;
  zoomFit: string;
}

export class Viewport {
  readonly controls: HTMLElement;
  private readonly zoomOut: HTMLButtonElement;
  private readonly zoomIn: HTMLButtonElement;
  private readonly fitButton: HTMLButtonElement;
  private readonly level: HTMLSpanElement;
  private svg: SVGSVGElement | undefined;
  private width = 0;
  private height = 0;

  constructor(
    private readonly canvas: HTMLElement,
    private readonly zoom: () => number | undefined,
    private readonly setZoom: (zoom: number) => void,
  ) {
    this.controls = document.createElement('div');
    this.controls.className = 'zoom';
    this.zoomOut = button('−', () => this.zoomBy(1 / STEP));
    this.zoomIn = button('+', () => this.zoomBy(STEP));
    this.fitButton = button('⤢', () => this.fit());
    this.level = document.createElement('span');
    this.level.className = 'zoom-level';
    this.controls.append(this.zoomOut, this.level, this.zoomIn, this.fitButton);
    canvas.addEventListener(
      'wheel',
      (event) => {
        if (!event.ctrlKey) return;
        event.preventDefault();
        this.zoomBy(event.deltaY < 0 ? STEP : 1 / STEP, event);
      },
      { passive: false },
    );
  }

  setLabels(t: ZoomTexts): void {
    for (const [b, text] of [
      [this.zoomOut, t.zoomOut],
      [this.zoomIn, t.zoomIn],
      [this.fitButton, t.zoomFit],
    ] as const) {
      b.title = text;
      b.setAttribute('aria-label', text);
    }
  }

  /** Shows a freshly drawn graph of `width` × `height` user units, keeping zoom and scroll. */
  show(svg: SVGSVGElement, width: number, height: number): void {
    const { scrollLeft, scrollTop } = this.canvas;
    const first = !this.svg;
    this.svg = svg;
    this.width = width;
    this.height = height;
    if (this.zoom() === undefined) this.setZoom(first ? this.fitting(0.5) : 1);
    this.apply();
    this.canvas.replaceChildren(svg);
    this.canvas.scrollLeft = scrollLeft;
    this.canvas.scrollTop = scrollTop;
  }

  /** Nothing to draw: the canvas shows `content` instead (the scroll position is kept for later). */
  clear(content: Node): void {
    this.svg = undefined;
    this.canvas.replaceChildren(content);
  }

  fit(): void {
    this.setZoom(this.fitting(MIN_ZOOM));
    this.apply();
    this.canvas.scrollLeft = 0;
    this.canvas.scrollTop = 0;
  }

  /** The zoom that shows the whole graph (never above 100 %, never below `floor`). */
  private fitting(floor: number): number {
    if (!this.width || !this.height) return 1;
    const fit = Math.min(
      this.canvas.clientWidth / this.width,
      this.canvas.clientHeight / this.height,
      1,
    );
    return Math.max(floor, Math.round(fit * 100) / 100);
  }

  /** Zooms around the pointer (or the middle of the view), keeping that point where it is. */
  private zoomBy(factor: number, at?: { clientX: number; clientY: number }): void {
    const before = this.zoom() ?? 1;
    const after = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, before * factor));
    if (after === before) return;
    const rect = this.canvas.getBoundingClientRect();
    const x = at ? at.clientX - rect.left : this.canvas.clientWidth / 2;
    const y = at ? at.clientY - rect.top : this.canvas.clientHeight / 2;
    const contentX = (this.canvas.scrollLeft + x) / before;
    const contentY = (this.canvas.scrollTop + y) / before;
    this.setZoom(after);
    this.apply();
    this.canvas.scrollLeft = contentX * after - x;
    this.canvas.scrollTop = contentY * after - y;
  }

  private apply(): void {
    const zoom = this.zoom() ?? 1;
    this.level.textContent = `${Math.round(zoom * 100)} %`;
    if (!this.svg) return;
    this.svg.setAttribute('width', String(Math.ceil(this.width * zoom)));
    this.svg.setAttribute('height', String(Math.ceil(this.height * zoom)));
  }
}

function button(text: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}
